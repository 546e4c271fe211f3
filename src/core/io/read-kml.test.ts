import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry, Ring } from '../types.ts';
import { decodeKmlBytes, descriptionText, readKml } from './read-kml.ts';

const FIXTURES = new URL('../../../test/fixtures/import/', import.meta.url);

function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += ((ring[j]?.[0] ?? 0) - (ring[i]?.[0] ?? 0)) * ((ring[j]?.[1] ?? 0) + (ring[i]?.[1] ?? 0));
  }
  return sum / 2;
}

const kml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${body}</Document></kml>`;

// Outer ring written clockwise on purpose; the hole counter-clockwise.
const WITH_HOLE = `<Polygon>
  <outerBoundaryIs><LinearRing><coordinates>
    121.37,30.18,0 121.37,30.19,0 121.38,30.19,0 121.38,30.18,0 121.37,30.18,0
  </coordinates></LinearRing></outerBoundaryIs>
  <innerBoundaryIs><LinearRing><coordinates>121.372,30.182 121.374,30.182 121.374,30.184 121.372,30.184 121.372,30.182</coordinates></LinearRing></innerBoundaryIs>
</Polygon>`;

const SQUARE = (x: number) =>
  `<Polygon><outerBoundaryIs><LinearRing><coordinates>${x},30 ${x + 0.01},30 ${x + 0.01},30.01 ${x},30.01 ${x},30</coordinates></LinearRing></outerBoundaryIs></Polygon>`;

function read(text: string) {
  const result = readKml(text, 'a.kml');
  if (!result.ok) throw new Error(result.problems[0]?.message.en);
  return result;
}

describe('readKml', () => {
  it('reads name, description, ExtendedData Data and SchemaData as properties', () => {
    const result = read(
      kml(`<Placemark id="p1"><name>五里村工业集聚点</name>
        <description><![CDATA[<table><tr><td>镇街</td><td>观海卫镇</td></tr></table>]]></description>
        <ExtendedData>
          <Data name="地块编号"><displayName>编号</displayName><value>330282107208-0001</value></Data>
          <SchemaData schemaUrl="#s"><SimpleData name="税收">58.3</SimpleData><SimpleData name="村">五里村</SimpleData></SchemaData>
        </ExtendedData>${SQUARE(121)}</Placemark>`),
    );
    expect(result.collection.features).toHaveLength(1);
    const feature = result.collection.features[0];
    expect(feature?.id).toBe('p1');
    expect(feature?.properties).toEqual({
      name: '五里村工业集聚点',
      description: '镇街 观海卫镇',
      地块编号: '330282107208-0001',
      税收: '58.3',
      村: '五里村',
    });
  });

  it('reads holes and winds outer rings counter-clockwise and holes clockwise', () => {
    const geometry = read(kml(`<Placemark>${WITH_HOLE}</Placemark>`)).collection.features[0]
      ?.geometry as AreaGeometry;
    expect(geometry.type).toBe('Polygon');
    const rings = geometry.coordinates as Ring[];
    expect(rings).toHaveLength(2);
    expect(signedArea(rings[0] as Ring)).toBeGreaterThan(0);
    expect(signedArea(rings[1] as Ring)).toBeLessThan(0);
    expect(rings[0]?.[0]).toEqual([121.37, 30.18]);
  });

  it('reads a MultiGeometry of polygons (nested too) as one MultiPolygon', () => {
    const result = read(
      kml(
        `<Placemark><MultiGeometry>${SQUARE(121)}<MultiGeometry>${SQUARE(121.1)}${WITH_HOLE}</MultiGeometry><Point><coordinates>121,30</coordinates></Point></MultiGeometry></Placemark>`,
      ),
    );
    const geometry = result.collection.features[0]?.geometry;
    expect(geometry?.type).toBe('MultiPolygon');
    expect(geometry?.type === 'MultiPolygon' && geometry.coordinates.map((p) => p.length)).toEqual([1, 1, 2]);
  });

  it("finds placemarks in nested Folders and Documents, a container's own ones before its folders' ones", () => {
    const result = read(
      kml(
        `<Folder><name>a</name><Placemark><name>1</name>${SQUARE(121)}</Placemark><Folder><Placemark><name>2</name>${SQUARE(121.1)}</Placemark></Folder></Folder><Placemark><name>3</name>${SQUARE(121.2)}</Placemark>`,
      ),
    );
    expect(result.collection.features.map((f) => f.properties?.name)).toEqual(['3', '1', '2']);
  });

  it('skips placemarks without polygons with one warning', () => {
    const result = read(
      kml(
        `<Placemark><Point><coordinates>121,30</coordinates></Point></Placemark><Placemark><LineString><coordinates>121,30 122,31</coordinates></LineString></Placemark>${`<Placemark>${SQUARE(121)}</Placemark>`}`,
      ),
    );
    expect(result.collection.features).toHaveLength(1);
    expect(result.problems.map((p) => p.code)).toEqual(['skipped-placemark']);
    expect(result.problems[0]?.message.zh).toContain('2 个地标不是面');
  });

  it('reads the kml: namespace prefix', () => {
    const text = `<kml:kml xmlns:kml="http://www.opengis.net/kml/2.2"><kml:Placemark><kml:name>x</kml:name>${SQUARE(121).replace(/<(\/?)/g, '<$1kml:')}</kml:Placemark></kml:kml>`;
    expect(read(text).collection.features[0]?.properties?.name).toBe('x');
  });

  it('reports malformed XML with the line, and XML that is not KML', () => {
    const broken = readKml('<kml>\n<Placemark>\n</kml>', '边界.kml');
    expect(broken.ok).toBe(false);
    expect(broken.problems[0]?.code).toBe('invalid-kml');
    expect(broken.problems[0]?.message.zh).toContain('边界.kml');
    expect(broken.problems[0]?.message.zh).toMatch(/第 \d+ 行/);
    const other = readKml('<gpx><trk/></gpx>', 'track.kml');
    expect(other.ok).toBe(false);
    expect(other.problems[0]?.message.zh).toContain('不是 KML');
  });

  it('reads the boundary fixture: two towns, one a MultiPolygon, town from ExtendedData', () => {
    const result = read(readFileSync(new URL('boundary.kml', FIXTURES), 'utf8'));
    expect(result.collection.features.map((f) => f.properties?.town)).toEqual(['观海卫镇', '新浦镇']);
    expect(result.collection.features.map((f) => f.geometry?.type)).toEqual(['MultiPolygon', 'Polygon']);
    expect(result.collection.features[0]?.properties?.description).toBe('示例数据（虚构） 观海卫镇');
  });
});

describe('descriptionText', () => {
  it('unwraps CDATA, removes tags and decodes entities', () => {
    expect(descriptionText('<![CDATA[<b>A</b>&amp;B<br>C]]>')).toBe('A&B C');
    expect(descriptionText('plain &lt;i&gt;text&lt;/i&gt; &#x4E00;')).toBe('plain text 一');
    expect(descriptionText('  two\n  lines ')).toBe('two lines');
  });
});

describe('decodeKmlBytes', () => {
  it('follows an encoding="GB2312" declaration, and detects GBK without one', () => {
    const declared = iconv.encode(
      '<?xml version="1.0" encoding="GB2312"?><kml><name>观海卫镇</name></kml>',
      'gbk',
    );
    expect(decodeKmlBytes(new Uint8Array(declared))).toContain('观海卫镇');
    const undeclared = iconv.encode('<kml><name>五里村</name></kml>', 'gbk');
    expect(decodeKmlBytes(new Uint8Array(undeclared))).toContain('五里村');
    expect(decodeKmlBytes(new TextEncoder().encode('\uFEFF<kml><name>东山头村</name></kml>'))).toBe(
      '<kml><name>东山头村</name></kml>',
    );
  });
});
