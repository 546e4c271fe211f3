import { describe, expect, it } from 'vitest';
import { crsFromMember, readCrsMember } from './crs-from-member.ts';

const named = (name: string) => ({ type: 'name', properties: { name } });

describe('crsFromMember', () => {
  it.each([
    ['urn:ogc:def:crs:EPSG::4528', 4528, 40500000],
    ['urn:ogc:def:crs:EPSG:6.6:4549', 4549, 500000],
    ['EPSG:4528', 4528, 40500000],
    ['http://www.opengis.net/def/crs/EPSG/0/4549', 4549, 500000],
    ['CGCS2000_3_Degree_GK_Zone_40', 4528, 40500000],
  ])('%s → Gauss-Krüger EPSG:%i', (name, epsg, falseEasting) => {
    expect(crsFromMember(named(name))).toMatchObject({
      kind: 'gauss-kruger',
      centralMeridian: 120,
      epsg,
      falseEasting,
    });
  });

  it.each([
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'wgs84'],
    ['urn:ogc:def:crs:OGC::CRS84', 'wgs84'],
    ['http://www.opengis.net/def/crs/OGC/1.3/CRS84', 'wgs84'],
    ['ESRI:102100', 'web-mercator'],
    ['urn:ogc:def:crs:EPSG::4326', 'wgs84'],
    ['EPSG:4490', 'cgcs2000-geographic'],
    ['urn:ogc:def:crs:EPSG::4490', 'cgcs2000-geographic'],
    ['EPSG:3857', 'web-mercator'],
    ['urn:ogc:def:crs:EPSG::3857', 'web-mercator'],
  ])('%s → %s', (name, kind) => {
    expect(crsFromMember(named(name))).toEqual({ kind });
  });

  it('reads the GeoJSON 2008 EPSG form', () => {
    expect(crsFromMember({ type: 'EPSG', properties: { code: 4490 } })).toEqual({
      kind: 'cgcs2000-geographic',
    });
    expect(crsFromMember({ type: 'EPSG', properties: { code: '4549' } })).toMatchObject({ epsg: 4549 });
  });

  it('calls another datum unsupported and says so', () => {
    const reading = readCrsMember(named('urn:ogc:def:crs:EPSG::2364'));
    expect(reading.status).toBe('unsupported');
    expect(reading.status === 'unsupported' && reading.message.en).toContain('Xian 1980');
    expect(crsFromMember(named('urn:ogc:def:crs:EPSG::2364'))).toBeNull();
  });

  it('calls malformed members unreadable', () => {
    for (const member of [
      null,
      4528,
      'EPSG:4528',
      {},
      { type: 'name' },
      { type: 'link', properties: { href: 'x' } },
    ]) {
      expect(readCrsMember(member).status).toBe('unreadable');
      expect(crsFromMember(member)).toBeNull();
    }
    const link = readCrsMember({ type: 'link', properties: {} });
    expect(link.status === 'unreadable' && link.message.zh).toContain('离线');
  });
});
