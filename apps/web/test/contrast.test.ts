import {
  createTheme,
  DEFAULT_THEME,
  defaultCssVariablesResolver,
  defaultVariantColorsResolver,
  mergeMantineTheme,
  type CSSVariablesResolver,
  type MantineThemeOverride,
} from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { INITIALS_COLORS } from '../src/lib/initials.ts';
import { cssVariablesResolver, theme } from '../src/theme.ts';

// Issue 13, item 15: the theme's text colours reach WCAG 2.2 AA (4.5:1) in light mode, on
// the backgrounds they are drawn on. The colours are read the way the browser gets them:
// Mantine's CSS variables for the merged theme, `var(--…)` followed to a hex value.

const AA = 4.5;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.x relative luminance of a #rgb or #rrggbb colour. */
function luminance(color: string): number {
  const hex = /^#[0-9a-f]{3}$/i.test(color) ? color.replace(/[0-9a-f]/gi, (digit) => digit + digit) : color;
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => channel(parseInt(part, 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2.x contrast ratio, 1 to 21. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The light-mode palette as the browser resolves it for a theme and a resolver. */
function lightScheme(override: MantineThemeOverride, resolver?: CSSVariablesResolver) {
  const merged = mergeMantineTheme(DEFAULT_THEME, override);
  const base = defaultCssVariablesResolver(merged);
  const extra = resolver?.(merged);
  const variables: Record<string, string> = { ...base.variables, ...base.light, ...extra?.variables, ...extra?.light };
  const resolve = (value: string, depth = 0): string => {
    const reference = /^var\((--[\w-]+)\)$/.exec(value.trim());
    if (!reference) return value.trim().toLowerCase();
    const next = variables[reference[1]!];
    if (next === undefined || depth > 10) throw new Error(`Unresolved ${value}`);
    return resolve(next, depth + 1);
  };
  const color = (name: string) => resolve(`var(--mantine-color-${name})`);
  /** Text and background of a variant (badges, buttons, alerts, avatars) as Mantine draws them. */
  const variant = (paletteName: string, kind: 'light' | 'filled' | 'outline' | 'subtle') => {
    const colors = defaultVariantColorsResolver({ color: paletteName, theme: merged, variant: kind, autoContrast: false });
    const background = colors.background === 'transparent' ? color('white') : resolve(colors.background!);
    return { text: resolve(colors.color!), background };
  };
  /** A translucent `rgba(…)` colour laid over an opaque #rrggbb one, as the browser paints it. */
  const over = (top: string, bottom: string) => {
    const rgba = /^rgba\((\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\)$/.exec(top);
    if (!rgba) return top;
    const alpha = Number(rgba[4]);
    const base = bottom.replace(/^#/, '').match(/../g)!.map((part) => parseInt(part, 16));
    return `#${[1, 2, 3].map((i) => Math.round(Number(rgba[i]) * alpha + base[i - 1]! * (1 - alpha)).toString(16).padStart(2, '0')).join('')}`;
  };
  return { merged, color, variant, over };
}

/** Every text/background pair the app draws from the theme, with its contrast. */
function textPairs(override: MantineThemeOverride, resolver?: CSSVariablesResolver) {
  const { merged, color, variant, over } = lightScheme(override, resolver);
  const white = color('white');
  // The surfaces text sits on: white (cards, inputs), gray 0 (the page, the navigation),
  // gray 1 (table headers, hovered rows), lapis 0 and 1 (selected rows, the active link).
  const surfaces = { white, 'gray-0': color('gray-0'), 'gray-1': color('gray-1'), 'lapis-0': color('lapis-0'), 'lapis-1': color('lapis-1') };
  const pairs: { what: string; text: string; background: string; ratio: number }[] = [];
  const add = (what: string, text: string, background: string) => pairs.push({ what, text, background, ratio: contrast(text, background) });

  for (const [surface, background] of Object.entries(surfaces)) {
    add(`dimmed text on ${surface}`, color('dimmed'), background);
    add(`body text on ${surface}`, color('text'), background);
    add(`link on ${surface}`, color('anchor'), background);
  }
  add('placeholder in an input', color('placeholder'), white);
  add('field error under an input', color('error'), white);

  // Menu.Item's `color` draws shade 6 (Mantine's MenuItem), on the white menu and, when the
  // item is hovered or reached with the arrows, on the light variant's hover colour. The app
  // colours only destructive menu items, in red.
  for (const name of ['red']) {
    add(`${name} menu item`, color(`${name}-6`), white);
    add(`${name} menu item, hovered`, color(`${name}-6`), over(color(`${name}-light-hover`), white));
  }

  const palettes = Object.keys(merged.colors).filter((name) => name !== 'dark');
  for (const name of palettes) {
    const light = variant(name, 'light');
    add(`${name} light variant (badge, alert, avatar)`, light.text, light.background);
    const filled = variant(name, 'filled');
    add(`${name} filled variant (button, badge)`, filled.text, filled.background);
    const outline = variant(name, 'outline');
    add(`${name} outline variant`, outline.text, outline.background);
    const subtle = variant(name, 'subtle');
    add(`${name} subtle variant`, subtle.text, subtle.background);
    for (const [surface, background] of Object.entries({ white, 'gray-0': surfaces['gray-0'], 'gray-1': surfaces['gray-1'], [`${name}-1`]: color(`${name}-1`) })) {
      add(`c="${name}" on ${surface}`, color(`${name}-text`), background);
      add(`c="${name}.8" on ${surface}`, color(`${name}-8`), background);
    }
  }
  return pairs;
}

const failures = (pairs: ReturnType<typeof textPairs>) => pairs.filter((pair) => pair.ratio < AA).map(({ what, text, background, ratio }) => `${what}: ${text} on ${background} = ${ratio.toFixed(2)}`);

describe('contrast', () => {
  it('computes WCAG ratios: black on white is 21, Mantine’s default dimmed grey on white about 3.3', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    expect(contrast('#868e96', '#ffffff')).toBeCloseTo(3.32, 2);
  });

  it('finds the failures of Mantine’s default theme (the check can fail)', () => {
    // Mantine's own palettes and variables, with only the app's primary colour.
    const found = failures(textPairs(createTheme({ primaryColor: 'lapis', primaryShade: 7, colors: { lapis: theme.colors!.lapis! } })));
    expect(found).toContain('dimmed text on white: #868e96 on #fff = 3.32');
    expect(found).toContain('red menu item: #fa5252 on #fff = 3.28');
    expect(found.some((line) => line.startsWith('lime light variant'))).toBe(true);
    expect(found.some((line) => line.startsWith('placeholder in an input'))).toBe(true);
  });

  it('every text colour of the app’s theme reaches 4.5:1 on its background in light mode', () => {
    const pairs = textPairs(theme, cssVariablesResolver);
    expect(pairs.length).toBeGreaterThan(100);
    expect(failures(pairs)).toEqual([]);
  });

  it('the dimmed grey is not Mantine’s default #868e96', () => {
    const { color } = lightScheme(theme, cssVariablesResolver);
    expect(color('dimmed')).not.toBe('#868e96');
    expect(contrast(color('dimmed'), color('gray-1'))).toBeGreaterThanOrEqual(AA);
  });

  it('avatar initials: every colour they are drawn from reaches 4.5:1, and the theme uses that list', () => {
    const { variant, merged } = lightScheme(theme, cssVariablesResolver);
    expect(INITIALS_COLORS.length).toBeGreaterThanOrEqual(6);
    for (const name of INITIALS_COLORS) {
      const { text, background } = variant(name, 'light');
      expect(contrast(text, background), `${name}: ${text} on ${background}`).toBeGreaterThanOrEqual(AA);
    }
    expect(merged.components.Avatar?.defaultProps).toMatchObject({ allowedInitialsColors: [...INITIALS_COLORS] });
  });
});
