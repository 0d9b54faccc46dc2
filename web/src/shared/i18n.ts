/**
 * Languages: Simplified Chinese by default, English switchable; the choice is kept in
 * localStorage and shared by every open view. Strings live in typed dictionaries made with
 * `defineMessages(zh, en)`: a key missing from either language is a type error, so every string
 * is translated. Interpolation: `{name}` placeholders filled from `vars`.
 */
import { useCallback, useSyncExternalStore } from 'react';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_LABELS: Record<Lang, string> = { 'zh-CN': '简体中文', en: 'English' };

const STORAGE_KEY = 'shuzhi.lang';
const listeners = new Set<() => void>();

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en') return saved;
  } catch {
    // Storage disabled: default language.
  }
  return 'zh-CN';
}

let current: Lang = initialLang();
if (typeof document !== 'undefined') document.documentElement.lang = current;

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisted; still switched for this page.
  }
  document.documentElement.lang = lang;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab switched language.
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY && (event.newValue === 'zh-CN' || event.newValue === 'en')) {
      setLang(event.newValue);
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The current language and its setter; re-renders on change. */
export function useLang(): [Lang, (lang: Lang) => void] {
  const lang = useSyncExternalStore(subscribe, getLang, getLang);
  return [lang, setLang];
}

export type Vars = Record<string, string | number>;
export type Translate<K extends string> = (key: K, vars?: Vars) => string;

export function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export interface Messages<K extends string> {
  readonly zh: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
  /** Translate outside React (e.g. in format helpers), in the given or current language. */
  t(key: K, vars?: Vars, lang?: Lang): string;
  /** The translate function for the current language; re-renders on language change. */
  useT(): Translate<K>;
}

/** A dictionary in both languages; English must have exactly the keys of Chinese. */
export function defineMessages<K extends string>(
  zh: Record<K, string>,
  en: NoInfer<Record<K, string>>,
): Messages<K> {
  const t = (key: K, vars?: Vars, lang: Lang = current) => interpolate((lang === 'en' ? en : zh)[key], vars);
  return {
    zh,
    en,
    t,
    useT() {
      const [lang] = useLang();
      return useCallback((key: K, vars?: Vars) => t(key, vars, lang), [lang]);
    },
  };
}
