/**
 * The map of every view: Leaflet drawing vector layers on a 2D canvas (no WebGL, works in
 * headless Chromium), an optional tile base map, polygon layers (streets, communities, grids)
 * that may load by bounding box from a zoom on, and point layers (components, cases) clustered
 * at low zoom. Layers are described as data; the component keeps Leaflet in sync with them.
 */
import { useEffect, useRef, type CSSProperties } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import './region-labels.css';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { PointClusters, isCluster, type PointProps } from './cluster.js';
import type { TileConfig } from './tiles.js';

export type BBox = [west: number, south: number, east: number, north: number];
export type Props = Record<string, unknown>;

export interface PolygonLayer {
  id: string;
  /** Shown in the layer switcher. */
  name: string;
  /** Either the features, or a loader asked again whenever the view moves (with a bbox). */
  data?: FeatureCollection<Geometry, Props> | null;
  load?: (bbox: BBox, signal: AbortSignal) => Promise<FeatureCollection<Geometry, Props>>;
  /** Hidden (and not loaded) below this zoom. */
  minZoom?: number;
  visible?: boolean;
  style: (feature: Feature<Geometry, Props>) => L.PathOptions;
  tooltip?: (feature: Feature<Geometry, Props>) => string | null;
  onClick?: (feature: Feature<Geometry, Props>) => void;
  /**
   * A name written on the map at the feature's `labelPoint` property (the server puts it inside
   * the region and the loaded bbox), in the CSS class `shuzhi-region-label shuzhi-region-label--<id>`.
   */
  label?: (feature: Feature<Geometry, Props>) => string | null;
}

export interface PointLayer {
  id: string;
  name: string;
  data: FeatureCollection<Point, PointProps> | null;
  /** Cluster at low zoom (below `clusterUntil`, default 16). */
  cluster?: boolean;
  clusterUntil?: number;
  minZoom?: number;
  visible?: boolean;
  color: (feature: Feature<Point, PointProps>) => string;
  radius?: number;
  tooltip?: (feature: Feature<Point, PointProps>) => string | null;
  onClick?: (feature: Feature<Point, PointProps>) => void;
}

export interface MapViewProps {
  polygons?: PolygonLayer[];
  points?: PointLayer[];
  tiles?: TileConfig | null;
  /** Initial view when `fit` is absent. */
  center?: { lng: number; lat: number } | null;
  zoom?: number;
  /** Fit the view to these bounds whenever they change. */
  fit?: BBox | null;
  /** A highlighted location (the case on its detail page, a picked point). */
  marker?: { lng: number; lat: number; label?: string } | null;
  onMapClick?: (point: { lng: number; lat: number }) => void;
  /** Show the layer switcher with these names. */
  layerSwitcher?: boolean;
  style?: CSSProperties;
  className?: string;
  /** Accessible name of the map region. */
  label: string;
}

const DEFAULT_CENTER = { lng: 116.416, lat: 39.928 };

interface Mounted {
  map: L.Map;
  renderer: L.Canvas;
  base: L.Layer[];
  groups: Map<string, L.LayerGroup>;
  polygonAborts: Map<string, AbortController>;
  control: L.Control.Layers | null;
  marker: L.CircleMarker | null;
}

function bboxOf(map: L.Map): BBox {
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mounted = useRef<Mounted | null>(null);
  const latest = useRef(props);
  latest.current = props;

  // Create the map once.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const renderer = L.canvas({ padding: 0.3 });
    const centre = props.center ?? DEFAULT_CENTER;
    const map = L.map(el, {
      preferCanvas: true,
      renderer,
      // Quarter zoom steps: a district fits its card instead of filling a third of it.
      zoomSnap: 0.25,
      zoomControl: true,
      attributionControl: true,
      minZoom: 9,
      maxZoom: 19,
      keyboard: true,
    }).setView([centre.lat, centre.lng], props.zoom ?? 13);
    map.attributionControl.setPrefix('');
    mounted.current = {
      map,
      renderer,
      base: [],
      groups: new Map(),
      polygonAborts: new Map(),
      control: null,
      marker: null,
    };
    map.on('click', (event: L.LeafletMouseEvent) =>
      latest.current.onMapClick?.({ lng: event.latlng.lng, lat: event.latlng.lat }),
    );
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(el);
    // An animated zoom (a fit, the zoom buttons, the wheel) ends in a 250 ms timer of Leaflet's that
    // moves the map panes; remove() deletes the panes but cannot cancel the timer, which then reads
    // "_leaflet_pos" of undefined. So a map left mid-zoom is removed when its zoom has ended (its
    // detached panes and canvas are still there for the timer). map.stop() would not help: it
    // stops pans and flights only, and its setZoom schedules a canvas redraw after the removal.
    let zooming = false;
    map.on('zoomstart', () => (zooming = true));
    map.on('zoomend', () => (zooming = false));
    return () => {
      observer.disconnect();
      for (const abort of mounted.current?.polygonAborts.values() ?? []) abort.abort();
      mounted.current = null;
      let removed = false;
      const destroy = () => {
        if (removed) return;
        removed = true;
        map.remove();
      };
      if (!zooming) return destroy();
      map.once('moveend', destroy);
      // A pinch interrupted by the unmount may never end.
      window.setTimeout(destroy, 1000);
    };
    // The map is created once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Base map tiles.
  useEffect(() => {
    const m = mounted.current;
    if (!m) return;
    for (const layer of m.base) layer.remove();
    m.base = [];
    const tiles = props.tiles;
    if (tiles) {
      const options = {
        subdomains: tiles.subdomains,
        maxZoom: tiles.maxZoom,
        attribution: tiles.attribution,
      };
      m.base.push(L.tileLayer(tiles.url, options).addTo(m.map));
      if (tiles.labelUrl) m.base.push(L.tileLayer(tiles.labelUrl, options).addTo(m.map));
    }
    container.current?.classList.toggle('shuzhi-map--plain', !tiles);
  }, [props.tiles]);

  // Vector layers: rebuilt when their descriptions change, refreshed on every move.
  useEffect(() => {
    const m = mounted.current;
    if (!m) return;
    const { map } = m;
    const polygons = props.polygons ?? [];
    const points = props.points ?? [];
    const clusters = new Map<string, PointClusters>();
    for (const layer of points) {
      if (layer.data && layer.cluster !== false) clusters.set(layer.id, new PointClusters(layer.data));
    }
    const wanted = new Set([...polygons.map((l) => l.id), ...points.map((l) => l.id)]);
    for (const [id, group] of m.groups) {
      if (!wanted.has(id)) {
        group.remove();
        m.groups.delete(id);
      }
    }
    const groupOf = (id: string, visible: boolean | undefined): L.LayerGroup => {
      let group = m.groups.get(id);
      if (!group) {
        group = L.layerGroup();
        m.groups.set(id, group);
        if (visible !== false) group.addTo(map);
      }
      return group;
    };
    for (const layer of polygons) groupOf(layer.id, layer.visible);
    for (const layer of points) groupOf(layer.id, layer.visible);

    const drawPolygons = (layer: PolygonLayer, data: FeatureCollection<Geometry, Props>) => {
      const group = m.groups.get(layer.id);
      if (!group) return;
      group.clearLayers();
      const geo = L.geoJSON(data, {
        renderer: m.renderer,
        style: (feature) => layer.style(feature as Feature<Geometry, Props>),
        onEachFeature: (feature, path) => {
          const f = feature as Feature<Geometry, Props>;
          const text = layer.tooltip?.(f);
          if (text) path.bindTooltip(escapeHtml(text), { sticky: true });
          if (layer.onClick) path.on('click', () => layer.onClick?.(f));
        },
      } as L.GeoJSONOptions);
      group.addLayer(geo);
      if (!layer.label) return;
      for (const feature of data.features) {
        const text = layer.label(feature);
        const at = feature.properties.labelPoint;
        if (!text || !Array.isArray(at) || at.length !== 2) continue;
        const [lng, lat] = at as [number, number];
        const icon = L.divIcon({
          html: `<span>${escapeHtml(text)}</span>`,
          className: `shuzhi-region-label shuzhi-region-label--${layer.id}`,
          iconSize: undefined,
        });
        group.addLayer(L.marker([lat, lng], { icon, interactive: false, keyboard: false }));
      }
    };

    const refreshPolygons = () => {
      const zoom = map.getZoom();
      for (const layer of polygons) {
        const group = m.groups.get(layer.id);
        if (!group) continue;
        if (layer.minZoom !== undefined && zoom < layer.minZoom) {
          group.clearLayers();
          continue;
        }
        if (layer.data) {
          if (group.getLayers().length === 0) drawPolygons(layer, layer.data);
        } else if (layer.load && map.hasLayer(group)) {
          m.polygonAborts.get(layer.id)?.abort();
          const abort = new AbortController();
          m.polygonAborts.set(layer.id, abort);
          layer
            .load(bboxOf(map), abort.signal)
            .then((data) => {
              if (!abort.signal.aborted) drawPolygons(layer, data);
            })
            .catch(() => {
              // Aborted by a newer move, or the server failed: keep what is drawn.
            });
        }
      }
    };

    const refreshPoints = () => {
      const zoom = map.getZoom();
      const bbox = bboxOf(map);
      for (const layer of points) {
        const group = m.groups.get(layer.id);
        if (!group) continue;
        group.clearLayers();
        if (!layer.data || (layer.minZoom !== undefined && zoom < layer.minZoom)) continue;
        const index = clusters.get(layer.id);
        const features =
          index && zoom < (layer.clusterUntil ?? 16)
            ? index.at(bbox, zoom)
            : layer.data.features.filter((f) => {
                const [lng, lat] = f.geometry.coordinates as [number, number];
                return lng >= bbox[0] && lng <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
              });
        for (const feature of features) {
          const [lng, lat] = feature.geometry.coordinates as [number, number];
          if (isCluster(feature)) {
            const count = feature.properties.point_count;
            const size = count < 10 ? 30 : count < 100 ? 36 : 44;
            const icon = L.divIcon({
              html: `<span>${feature.properties.point_count_abbreviated}</span>`,
              className: 'shuzhi-cluster',
              iconSize: [size, size],
            });
            const marker = L.marker([lat, lng], { icon, keyboard: true, title: String(count) });
            marker.on('click', () => {
              const target = index?.expansionZoom(feature.properties.cluster_id) ?? zoom + 2;
              map.setView([lat, lng], Math.min(target, 19));
            });
            group.addLayer(marker);
          } else {
            const f = feature;
            const color = layer.color(f);
            const dot = L.circleMarker([lat, lng], {
              renderer: m.renderer,
              radius: layer.radius ?? 6,
              color: '#fff',
              weight: 1.5,
              fillColor: color,
              fillOpacity: 0.95,
            });
            const text = layer.tooltip?.(f);
            if (text) dot.bindTooltip(escapeHtml(text));
            if (layer.onClick) dot.on('click', () => layer.onClick?.(f));
            group.addLayer(dot);
          }
        }
      }
    };

    // Layers with static data are redrawn on description change.
    for (const layer of polygons) {
      const group = m.groups.get(layer.id);
      if (group && layer.data) group.clearLayers();
    }
    refreshPolygons();
    refreshPoints();
    const onMove = () => {
      refreshPolygons();
      refreshPoints();
    };
    map.on('moveend', onMove);
    map.on('overlayadd', onMove);

    if (m.control) m.control.remove();
    m.control = null;
    if (props.layerSwitcher) {
      const overlays: Record<string, L.Layer> = {};
      for (const layer of [...polygons, ...points]) {
        const group = m.groups.get(layer.id);
        if (group) overlays[layer.name] = group;
      }
      m.control = L.control
        .layers(undefined, overlays, { collapsed: false, position: 'topright' })
        .addTo(map);
    }
    return () => {
      map.off('moveend', onMove);
      map.off('overlayadd', onMove);
    };
  }, [props.polygons, props.points, props.layerSwitcher]);

  // Fit to given bounds.
  const fitKey = props.fit ? props.fit.join(',') : '';
  useEffect(() => {
    const m = mounted.current;
    const fit = latest.current.fit;
    if (!m || !fit) return;
    m.map.invalidateSize();
    m.map.fitBounds(
      [
        [fit[1], fit[0]],
        [fit[3], fit[2]],
      ],
      { padding: [12, 12] },
    );
  }, [fitKey]);

  // The highlighted location.
  const markerKey = props.marker ? `${props.marker.lng},${props.marker.lat},${props.marker.label ?? ''}` : '';
  useEffect(() => {
    const m = mounted.current;
    if (!m) return;
    m.marker?.remove();
    m.marker = null;
    const marker = latest.current.marker;
    if (!marker) return;
    m.marker = L.circleMarker([marker.lat, marker.lng], {
      renderer: m.renderer,
      radius: 9,
      color: '#fff',
      weight: 3,
      fillColor: '#e8412c',
      fillOpacity: 1,
    }).addTo(m.map);
    if (marker.label)
      m.marker.bindTooltip(escapeHtml(marker.label), { permanent: true, direction: 'top', offset: [0, -8] });
  }, [markerKey]);

  return (
    <div
      ref={container}
      className={`shuzhi-map ${props.className ?? ''}`}
      style={{ height: 420, ...props.style }}
      role="region"
      aria-label={props.label}
    />
  );
}
