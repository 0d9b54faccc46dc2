/** The logged-in citizen of the portal page (GET /citizens/me), or null; login and logout. */
import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../api.js';
import { citizenApplications as api, type CitizenAccount } from './citizen-api.js';

export function useCitizen(): {
  account: CitizenAccount | null;
  loading: boolean;
  login: (phone: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
} {
  const [account, setAccount] = useState<CitizenAccount | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let live = true;
    api
      .me()
      .then((me) => live && setAccount(me))
      .catch((error: unknown) => {
        if (live && isApiError(error) && error.status === 401) setAccount(null);
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);
  const login = useCallback(async (phone: string, password: string) => {
    setAccount(await api.login({ phone, password }));
  }, []);
  const logout = useCallback(async () => {
    await api.logout();
    setAccount(null);
  }, []);
  return { account, loading, login, logout };
}
