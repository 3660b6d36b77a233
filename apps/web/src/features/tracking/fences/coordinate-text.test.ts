import { describe, expect, it } from 'vitest';
import { parseCoordinates, shapeFromText, shapeToText } from './coordinate-text.ts';

const points = (text: string) => {
  const parsed = parseCoordinates(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.points;
};
const error = (text: string) => {
  const parsed = parseCoordinates(text);
  return parsed.ok ? null : parsed.error;
};

describe('typed fence coordinates', () => {
  it('reads decimal degrees in either order, with any separator', () => {
    expect(points('109.12, 21.45\n109.2，21.5\n109.3 21.55\n21.6\t109.4')).toEqual([
      [109.12, 21.45],
      [109.2, 21.5],
      [109.3, 21.55],
      [109.4, 21.6],
    ]);
  });

  it('reads a notice’s degrees, minutes and seconds with 北纬/东经, in either order', () => {
    expect(points('1、北纬21°27′00″，东经109°07′12″\n（2）东经109度10分30秒 北纬21度20分')).toEqual([
      [109.12, 21.45],
      [109.175, 21.333333],
    ]);
  });

  it('reads hemisphere letters before or after, ASCII quotes and decimal minutes', () => {
    expect(points(`21°27'00"N 109°07'12"E\nN21°27.5' E109°07.2'\n3. 21.1S 109.5W`)).toEqual([
      [109.12, 21.45],
      [109.12, 21.458333],
      [-109.5, -21.1],
    ]);
  });

  it('skips headings and drops a pasted 序号 column', () => {
    expect(points('序号\t经度\t纬度\n1\t109.12\t21.45\n2\t109.2\t21.5')).toEqual([
      [109.12, 21.45],
      [109.2, 21.5],
    ]);
  });

  it('names the line it cannot read, in Chinese', () => {
    expect(error('109.12, 21.45\n109.2')).toMatch(/^第 2 行：应为一对经纬度/);
    expect(error('109.12, 21.45, 30, 40')).toMatch(/^第 1 行：应为一对经纬度/);
    expect(error('北纬21°, 北纬22°')).toBe('第 1 行：写了两个纬度，缺少经度');
    expect(error('21°75′, 109°')).toBe('第 1 行：“21°75′”的分、秒应小于 60');
    expect(error('109.12 约 21.45')).toBe('第 1 行：无法识别“约”');
    expect(error('200, 100')).toBe('第 1 行：纬度应在 -90 至 90 之间');
    expect(error('经度 纬度')).toMatch(/^请输入坐标/);
  });

  it('makes the chosen shape: a closed ring loses its repeat, a circle needs one centre and a radius', () => {
    const ring = '109.1, 21.4\n109.2, 21.4\n109.2, 21.5\n109.1, 21.4';
    expect(shapeFromText('polygon', ring, null)).toEqual({
      ok: true,
      shape: {
        kind: 'polygon',
        ring: [
          [109.1, 21.4],
          [109.2, 21.4],
          [109.2, 21.5],
        ],
      },
    });
    expect(shapeFromText('polygon', '109.1, 21.4\n109.2, 21.4\n109.1, 21.4', null)).toEqual({
      ok: false,
      error: '多边形至少需要 3 个不同的顶点，现有 2 个',
    });
    expect(shapeFromText('circle', '109.105, 21.428', 1500.4)).toEqual({
      ok: true,
      shape: { kind: 'circle', center: [109.105, 21.428], radiusM: 1500 },
    });
    expect(shapeFromText('circle', '109.105, 21.428\n109.2, 21.4', 1500)).toMatchObject({ ok: false });
    expect(shapeFromText('circle', '109.105, 21.428', null)).toEqual({
      ok: false,
      error: '请填写半径（米）',
    });
    expect(shapeFromText('corridor', '109.1, 21.4\n109.2, 21.4', 800)).toEqual({
      ok: true,
      shape: {
        kind: 'corridor',
        line: [
          [109.1, 21.4],
          [109.2, 21.4],
        ],
        widthM: 800,
      },
    });
  });

  it('writes a shape back as text that reads the same', () => {
    const shape = {
      kind: 'corridor' as const,
      line: [[109.123456, 21.4] as [number, number], [109.2, 21.456789] as [number, number]],
      widthM: 500,
    };
    expect(shapeToText(shape)).toBe('109.123456, 21.400000\n109.200000, 21.456789');
    expect(shapeFromText('corridor', shapeToText(shape), 500)).toEqual({ ok: true, shape });
  });
});
