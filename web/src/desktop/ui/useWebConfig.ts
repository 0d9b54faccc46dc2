import { useEffect, useState } from 'react';
import { loadWebConfig, type WebConfig } from '../../shared/map/index.js';
import { setTimeZone } from '../../shared/format.js';

/** The server's web configuration (tiles, time zone); undefined until loaded. */
export function useWebConfig(): WebConfig | undefined {
  const [config, setConfig] = useState<WebConfig>();
  useEffect(() => {
    let live = true;
    void loadWebConfig().then((c) => {
      setTimeZone(c.timeZone);
      if (live) setConfig(c);
    });
    return () => {
      live = false;
    };
  }, []);
  return config;
}
