/**
 * The signed-in user of the desktop app. The session is the HTTP-only cookie; on load we ask
 * GET /auth/session who we are (and get the CSRF token back), so a reload keeps the user in.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, isApiError } from '../shared/api.js';
import type { Position, Role } from '../shared/labels.js';

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  position: Position | null;
  departmentId: number | null;
  regionCodes: string[];
  mustChangePassword?: boolean;
}

interface SessionState {
  user: Actor | null;
  loading: boolean;
  login: (username: string, password: string) => Promise<Actor>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Actor | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const session = await api.get<{ user: Actor; csrfToken: string | null }>('/auth/session');
      api.csrf.set(session.csrfToken);
      setUser(session.user);
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        api.csrf.set(null);
        setUser(null);
      } else throw error;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setLoading(false));
  }, [refresh]);

  const login = useCallback(async (username: string, password: string) => {
    const result = await api.post<{ csrfToken: string; user: Actor }>('/auth/login', { username, password });
    api.csrf.set(result.csrfToken);
    setUser(result.user);
    return result.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      api.csrf.set(null);
      setUser(null);
    }
  }, []);

  const value = useMemo(
    () => ({ user, loading, login, logout, refresh }),
    [user, loading, login, logout, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for pages behind the login guard. */
export function useUser(): Actor {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a user');
  return user;
}

export function isShiftLead(user: Actor): boolean {
  return user.role === 'admin' || (user.role === 'supervisor' && user.position === 'shift_lead');
}
