/**
 * The member states on a map, coloured by standing and named. The projection is a conic one
 * centred on the members, as maps of this region usually are, fitted to the states that still
 * belong to the organization. The map is a picture: the table beside it carries the same data.
 */
import { geoBounds, geoCentroid, geoConicConformal, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPoint, Position } from 'geojson';
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-110m.json?url';
import type { PartyStanding } from '../api/types';
import { useLabels } from '../i18n/labels';
import { categoryOf, isCurrent, MAP_CATEGORIES, NUMERIC_CODES, type MapCategory } from './standing';

type Country = Feature<Geometry, { name: string }>;

const WIDTH = 760;
const HEIGHT = 430;
const PAD = 18;

/** The four standings the secretariat watches are always explained, present or not. */
const ALWAYS_IN_LEGEND: ReadonlySet<MapCategory> = new Set(['member', 'not-participating', 'suspended', 'withdrawal-pending']);

let atlas: Promise<Country[]> | undefined;

function loadAtlas(): Promise<Country[]> {
  atlas ??= fetch(atlasUrl)
    .then((response) => response.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>)
    .then((topology) => (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>).features);
  return atlas;
}

function useAtlas(): { countries: Country[] | undefined; failed: boolean } {
  const [countries, setCountries] = useState<Country[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadAtlas().then(
      (loaded) => {
        if (live) setCountries(loaded);
      },
      () => {
        atlas = undefined;
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return { countries, failed };
}

/** Label nudges where a small state's name would run into its neighbour's. */
const LABEL_NUDGE: Readonly<Record<string, readonly [number, number]>> = {
  ARM: [0, 14],
  KGZ: [10, -4],
  TJK: [-4, 10],
};

function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positionsOf);
    default:
      return [];
  }
}

/** Longitude east of the antimeridian's far side counted on, so Chukotka sits east of 180°. */
function eastward(lon: number): number {
  return lon < -90 ? lon + 360 : lon;
}

/**
 * The outline the frame is fitted to. A state far wider than the others (Russia) would shrink the
 * rest to specks, so its points more than 45° east of the others are left out of the fit; the
 * map still draws all of it, running off the edge.
 */
function fittingShape(features: readonly Country[]): MultiPoint {
  const spans = features.map((f) => {
    const [[west], [east]] = geoBounds(f);
    return { f, width: eastward(east) - west < 0 ? eastward(east) - west + 360 : eastward(east) - west, east: eastward(east) };
  });
  const narrow = spans.filter((s) => s.width <= 90);
  const cutoff = narrow.length === 0 ? Infinity : Math.max(...narrow.map((s) => s.east)) + 45;
  const coordinates = spans.flatMap((s) => positionsOf(s.f.geometry).filter((p) => s.width <= 90 || eastward(p[0] ?? 0) <= cutoff));
  return { type: 'MultiPoint', coordinates };
}

interface Drawing {
  readonly background: readonly { readonly id: string; readonly d: string }[];
  readonly states: readonly (Placed & { readonly d: string; readonly centre: readonly [number, number]; readonly small: boolean; readonly label: readonly [number, number] })[];
}

interface Placed {
  readonly party: PartyStanding;
  readonly category: MapCategory;
  readonly feature: Country;
}

/** Places the parties on the atlas, projects the frame around the current members, draws. */
function draw(countries: readonly Country[], parties: readonly PartyStanding[]): Drawing | undefined {
  const byNumeric = new Map(countries.map((c) => [String(c.id), c]));
  const placed: Placed[] = [];
  for (const party of parties) {
    const numeric = NUMERIC_CODES[party.party];
    const shape = numeric === undefined ? undefined : byNumeric.get(numeric);
    if (shape) placed.push({ party, category: categoryOf(party), feature: shape });
  }
  const current = placed.filter((p) => isCurrent(p.category));
  const framed = current.length > 0 ? current : placed;
  if (framed.length === 0) return undefined;
  const shape = fittingShape(framed.map((p) => p.feature));
  const centre = geoCentroid(shape);
  const projection = geoConicConformal()
    .rotate([-centre[0], 0])
    .parallels([40, 62])
    .fitExtent(
      [
        [PAD, PAD],
        [WIDTH - PAD, HEIGHT - PAD],
      ],
      shape,
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
  const path = geoPath(projection);
  const partyIds = new Set(placed.map((p) => String(p.feature.id)));
  const background = countries.filter((c) => !partyIds.has(String(c.id))).map((c) => ({ id: String(c.id), d: path(c) ?? '' }));
  const states = placed.map((p) => {
    const [x, y] = path.centroid(p.feature);
    const nudge = LABEL_NUDGE[p.party.party] ?? [0, 0];
    // A state too small to see at this scale gets a marker as well as its outline.
    const small = path.area(p.feature) < 250;
    return { ...p, d: path(p.feature) ?? '', centre: [x, y] as const, small, label: [x + nudge[0], y + nudge[1] + (small ? 6 : 0)] as const };
  });
  return { background, states };
}

export function MemberMap({ parties }: { readonly parties: readonly PartyStanding[] }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const { countries, failed } = useAtlas();
  const titleId = useId();
  const descId = useId();
  const patternPrefix = `map${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  const drawing = useMemo(() => (countries === undefined ? undefined : draw(countries, parties)), [countries, parties]);

  if (failed) return <p className="notice">{t('dashboard.mapUnavailable')}</p>;
  const present = new Set<MapCategory>(drawing?.states.map((s) => s.category) ?? []);

  return (
    <figure className="member-map" aria-busy={drawing === undefined}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="map-svg">
        <title id={titleId}>{t('dashboard.map')}</title>
        <desc id={descId}>{t('dashboard.mapDescription')}</desc>
        <MapPatterns prefix={patternPrefix} />
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="map-sea" />
        {drawing?.background.map((c) => <path key={c.id} d={c.d} className="map-land" />)}
        {drawing?.states.map((s) => (
          <path
            key={s.party.party}
            d={s.d}
            className={`map-state map-${s.category}`}
            fill={fillOf(s.category, patternPrefix)}
            onClick={() => {
              void navigate(`/members/${s.party.party}`);
            }}
          >
            <title>{`${labels.state(s.party.party)} — ${categoryLabel(s.category, labels.status, t('partyRoles.observer'))}`}</title>
          </path>
        ))}
        {drawing?.states
          .filter((s) => s.small && isCurrent(s.category))
          .map((s) => (
            <circle key={`marker-${s.party.party}`} cx={s.centre[0]} cy={s.centre[1]} r={7} className={`map-state map-marker map-${s.category}`} fill={fillOf(s.category, patternPrefix)}>
              <title>{`${labels.state(s.party.party)} — ${categoryLabel(s.category, labels.status, t('partyRoles.observer'))}`}</title>
            </circle>
          ))}
        {drawing?.states
          .filter((s) => isCurrent(s.category))
          .map((s) => (
            <text key={s.party.party} x={s.label[0]} y={s.label[1]} className="map-label" textAnchor="middle" aria-hidden="true">
              {labels.state(s.party.party)}
            </text>
          ))}
      </svg>
      <MapLegend present={present} prefix={patternPrefix} />
    </figure>
  );
}

/** The four standings the secretariat watches, and any other shown on the map. */
function MapLegend({ present, prefix }: { readonly present: ReadonlySet<MapCategory>; readonly prefix: string }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <figcaption>
      <h3 className="legend-title">{t('dashboard.legend')}</h3>
      <ul className="legend">
        {MAP_CATEGORIES.filter((c) => ALWAYS_IN_LEGEND.has(c) || present.has(c)).map((category) => (
          <li key={category}>
            <svg width="22" height="14" aria-hidden="true" className="swatch">
              <rect x="0.5" y="0.5" width="21" height="13" className={`map-state map-${category}`} fill={fillOf(category, prefix)} />
            </svg>
            {categoryLabel(category, labels.status, t('partyRoles.observer'))}
          </li>
        ))}
      </ul>
    </figcaption>
  );
}

function categoryLabel(category: MapCategory, status: (s: string) => string, associate: string): string {
  if (category === 'associate') return associate;
  if (category === 'former') return status('withdrawn');
  return status(category);
}

/** Hatching as well as colour, so that standing does not rest on colour alone. */
function fillOf(category: MapCategory, prefix: string): string | undefined {
  switch (category) {
    case 'not-participating':
      return `url(#${prefix}-stripes)`;
    case 'suspended':
      return `url(#${prefix}-hatch)`;
    case 'withdrawal-pending':
      return `url(#${prefix}-cross)`;
    default:
      return undefined;
  }
}

function MapPatterns({ prefix }: { readonly prefix: string }): ReactNode {
  return (
    <defs>
      <pattern id={`${prefix}-stripes`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="pattern-not-participating" />
        <path d="M0 3h6" className="pattern-line-not-participating" />
      </pattern>
      <pattern id={`${prefix}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" className="pattern-suspended" />
        <path d="M0 0v6" className="pattern-line-suspended" />
      </pattern>
      <pattern id={`${prefix}-cross`} width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="7" height="7" className="pattern-withdrawal-pending" />
        <path d="M0 0v7M0 0h7" className="pattern-line-withdrawal-pending" />
      </pattern>
    </defs>
  );
}
