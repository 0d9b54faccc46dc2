/**
 * The phone views' map: vector layers (grid outlines, case points) drawn by Leaflet in SVG on a
 * plain background, so it works without a tile server and without WebGL; a base map is added only
 * when the deployment configures a tile URL. A tap chooses a point when `onPick` is given.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef } from 'react';
import { loadWebConfig } from '../shared/map/tiles.js';
import { componentsAround, outlineName, outlinesAround, type ContextLevel } from '../shared/map/context.js';
import '../shared/map/region-labels.css';

export interface MapPoint {
  lng: number;
  lat: number;
}

export interface MapMarker extends MapPoint {
  id: string | number;
  label: string;
  colour?: string;
}

export interface PointMapProps {
  /** Region outlines (e.g. the inspector's grids). */
  areas?: FeatureCollection | null;
  markers?: readonly MapMarker[];
  /** The chosen point (a report's location). */
  point?: MapPoint | null;
  onPick?: (point: MapPoint) => void;
  onMarker?: (id: string | number) => void;
  /**
   * Draw the street, community and grid outlines around `point` with their names (a case's map:
   * where it is, not a dot on a blank); `components` adds the components nearby (staff only).
   */
  context?: boolean;
  components?: boolean;
  /** Where to look when there is nothing to fit. */
  centre?: MapPoint;
  height?: number;
  label: string;
}

const DEFAULT_CENTRE: MapPoint = { lng: 116.4161, lat: 39.9288 };

/** Grids first, so the street outline is drawn on top of the finer lines. */
const CONTEXT_LEVELS: readonly ContextLevel[] = ['grid', 'community', 'street'];
const CONTEXT_STYLES: Record<ContextLevel, L.PathOptions> = {
  grid: { color: '#8aa4c8', weight: 0.8, fill: false },
  community: { color: '#5b8ff9', weight: 1.2, dashArray: '4 3', fill: false },
  street: { color: '#1456b8', weight: 2.2, fill: false },
};

/** The label classes the desktop map uses too (region-labels.css). */
const LABEL_CLASS: Record<ContextLevel, string> = {
  grid: 'grids',
  community: 'communities',
  street: 'streets',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function PointMap(props: PointMapProps) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<{
    areas: L.GeoJSON;
    markers: L.LayerGroup;
    point: L.LayerGroup;
    context: L.LayerGroup;
  } | null>(null);
  const handlers = useRef(props);
  handlers.current = props;

  useEffect(() => {
    if (!element.current) return;
    const centre = props.centre ?? DEFAULT_CENTRE;
    // No zoom/fade animations: a phone page can leave (unmount the map) mid-animation, and Leaflet's
    // transition-end handler then reads the removed panes ("_leaflet_pos" of undefined).
    const created = L.map(element.current, {
      zoomControl: true,
      attributionControl: false,
      zoomAnimation: false,
      fadeAnimation: false,
      markerZoomAnimation: false,
    }).setView([centre.lat, centre.lng], 15);
    // The base map and the district's centre come from the server's configuration (none in tests).
    void loadWebConfig().then((config) => {
      if (map.current !== created) return;
      if (config.tiles) {
        const { url, labelUrl, subdomains, attribution, maxZoom } = config.tiles;
        L.tileLayer(url, { subdomains, attribution, maxZoom }).addTo(created).bringToBack();
        if (labelUrl) L.tileLayer(labelUrl, { subdomains, maxZoom }).addTo(created);
        L.control.attribution({ prefix: false }).addTo(created);
      }
      const nothingShown = !handlers.current.areas?.features.length && !handlers.current.point;
      if (config.center && !handlers.current.centre && nothingShown)
        created.setView([config.center.lat, config.center.lng], 15);
    });
    const areas = L.geoJSON(undefined, {
      style: { color: '#1456b8', weight: 1.5, fillColor: '#1456b8', fillOpacity: 0.06 },
      onEachFeature: (feature, layer) => {
        const name = (feature.properties as { name?: string } | null)?.name;
        if (name) layer.bindTooltip(name, { permanent: false, direction: 'center' });
      },
    }).addTo(created);
    const context = L.layerGroup().addTo(created);
    const markers = L.layerGroup().addTo(created);
    const point = L.layerGroup().addTo(created);
    created.on('click', (event: L.LeafletMouseEvent) => {
      handlers.current.onPick?.({ lng: event.latlng.lng, lat: event.latlng.lat });
    });
    map.current = created;
    layers.current = { areas, markers, point, context };
    return () => {
      created.stop();
      created.remove();
      map.current = null;
      layers.current = null;
    };
    // The map is created once; later props update its layers below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const current = layers.current;
    if (!current || !map.current) return;
    current.areas.clearLayers();
    if (props.areas && props.areas.features.length > 0) {
      current.areas.addData(props.areas);
      const bounds = current.areas.getBounds();
      if (bounds.isValid() && !handlers.current.point) map.current.fitBounds(bounds, { padding: [12, 12] });
    }
  }, [props.areas]);

  useEffect(() => {
    const current = layers.current;
    if (!current) return;
    current.markers.clearLayers();
    for (const marker of props.markers ?? []) {
      L.circleMarker([marker.lat, marker.lng], {
        radius: 8,
        color: '#fff',
        weight: 2,
        fillColor: marker.colour ?? '#d4380d',
        fillOpacity: 0.95,
      })
        .bindTooltip(marker.label)
        .on('click', (event) => {
          L.DomEvent.stopPropagation(event);
          handlers.current.onMarker?.(marker.id);
        })
        .addTo(current.markers);
    }
  }, [props.markers]);

  useEffect(() => {
    const current = layers.current;
    if (!current || !map.current) return;
    current.point.clearLayers();
    if (props.point) {
      L.circleMarker([props.point.lat, props.point.lng], {
        radius: 10,
        color: '#fff',
        weight: 3,
        fillColor: '#1456b8',
        fillOpacity: 1,
      }).addTo(current.point);
      map.current.setView([props.point.lat, props.point.lng], Math.max(map.current.getZoom(), 17));
    }
  }, [props.point]);

  const contextKey = props.context && props.point ? `${props.point.lng},${props.point.lat}` : '';
  useEffect(() => {
    const current = layers.current;
    const at = handlers.current.point;
    if (!current || !contextKey || !at) return;
    const abort = new AbortController();
    const withComponents = handlers.current.components === true;
    void Promise.all([
      ...CONTEXT_LEVELS.map((level) => outlinesAround(level, at, abort.signal).catch(() => null)),
      withComponents ? componentsAround(at, abort.signal).catch(() => null) : Promise.resolve(null),
    ]).then(([grids, communities, streets, nearby]) => {
      const components = nearby as Awaited<ReturnType<typeof componentsAround>> | null;
      if (abort.signal.aborted) return;
      current.context.clearLayers();
      [grids, communities, streets].forEach((data, i) => {
        const level = CONTEXT_LEVELS[i]!;
        if (!data) return;
        L.geoJSON(data, { style: CONTEXT_STYLES[level], interactive: false }).addTo(current.context);
        for (const feature of data.features) {
          const name = outlineName(feature);
          const spot = feature.properties.labelPoint;
          if (!name || !Array.isArray(spot) || spot.length !== 2) continue;
          const [lng, lat] = spot as [number, number];
          L.marker([lat, lng], {
            interactive: false,
            keyboard: false,
            icon: L.divIcon({
              html: `<span>${escapeHtml(name)}</span>`,
              className: `shuzhi-region-label shuzhi-region-label--${LABEL_CLASS[level]}`,
            }),
          }).addTo(current.context);
        }
      });
      for (const feature of components?.features ?? []) {
        const [lng, lat] = feature.geometry.coordinates as [number, number];
        const name = typeof feature.properties.name === 'string' ? feature.properties.name : '';
        const dot = L.circleMarker([lat, lng], {
          radius: 4,
          color: '#fff',
          weight: 1,
          fillColor: '#7b61ff',
          fillOpacity: 0.9,
        });
        if (name) dot.bindTooltip(name);
        dot.addTo(current.context);
      }
    });
    return () => abort.abort();
  }, [contextKey]);

  return (
    <div
      ref={element}
      role="application"
      aria-label={props.label}
      data-testid="phone-map"
      style={{ height: props.height ?? 220, background: '#eef2f6', borderRadius: 8 }}
    />
  );
}
