import { colorsTuple, createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { INITIALS_COLORS } from './lib/initials.ts';

// A deep "lapis" blue: calm and trustworthy for an administration console.
const lapis: MantineColorsTuple = [
  '#edf2ff',
  '#dbe2fb',
  '#b4c2f1',
  '#8aa0e8',
  '#6783e0',
  '#5070dc',
  '#4366db',
  '#3456c2',
  '#2b4cae',
  '#1e419a',
];

/**
 * Mantine's palettes, with the shades that carry text made dark enough for WCAG 2.2 AA
 * (4.5:1, issue 13 item 15). In light mode Mantine draws:
 * - the light variant (badges, alerts, avatars' initials): shade 9 on shade 1;
 * - filled buttons and badges: white on shade 7 (the primary shade); outline: shade 7 on white;
 * - `c="red"`: shade 7, `c="red.8"`: shade 8, on white or the grey surfaces;
 * - a menu item's `color` (the destructive items: delete, revoke, sign out): shade 6, so
 *   red's shade 6 is darkened to reach 4.5:1 on the menu and on the item's hover background.
 * So shades 7 to 9 reach 4.5:1 on white, gray 0 and 1, and the palette's own shades 0 and 1;
 * gray 6 is the dimmed text. Shades 0 to 6 (backgrounds, borders, icons) are Mantine's, but red's 6.
 * apps/web/test/contrast.test.ts checks every pair.
 */
const accessibleColors = {
  gray: colorsTuple(['#f8f9fa', '#f1f3f5', '#e9ecef', '#dee2e6', '#ced4da', '#adb5bd', '#5c636a', '#495057', '#343a40', '#212529']),
  red: colorsTuple(['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#c92a2a', '#cf1010', '#bb1c1c', '#ab2424']),
  pink: colorsTuple(['#fff0f6', '#ffdeeb', '#fcc2d7', '#faa2c1', '#f783ac', '#f06595', '#e64980', '#be265b', '#b22255', '#a61e4d']),
  grape: colorsTuple(['#f8f0fc', '#f3d9fa', '#eebefa', '#e599f7', '#da77f2', '#cc5de8', '#be4bdb', '#9a32b3', '#8e31a5', '#852e9a']),
  violet: colorsTuple(['#f3f0ff', '#e5dbff', '#d0bfff', '#b197fc', '#9775fa', '#845ef7', '#7950f2', '#683de7', '#5f38d7', '#5a39bb']),
  indigo: colorsTuple(['#edf2ff', '#dbe4ff', '#bac8ff', '#91a7ff', '#748ffc', '#5c7cfa', '#4c6ef5', '#2f53e9', '#2b4dd8', '#334abb']),
  blue: colorsTuple(['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#228be6', '#1767af', '#1560a5', '#165a9a']),
  cyan: colorsTuple(['#e3fafc', '#c5f6fa', '#99e9f2', '#66d9e8', '#3bc9db', '#22b8cf', '#15aabf', '#0c7585', '#0a6d7d', '#0a6576']),
  teal: colorsTuple(['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#097958', '#077050', '#07694c']),
  green: colorsTuple(['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#40c057', '#267b35', '#227332', '#216a30']),
  lime: colorsTuple(['#f4fce3', '#e9fac8', '#d8f5a2', '#c0eb75', '#a9e34b', '#94d82d', '#82c91e', '#4d790f', '#44710a', '#416909']),
  yellow: colorsTuple(['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#fab005', '#956100', '#925500', '#914b00']),
  orange: colorsTuple(['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#fd7e14', '#af4905', '#a74009', '#a1350b']),
};

export const theme = createTheme({
  primaryColor: 'lapis',
  colors: { ...accessibleColors, lapis },
  primaryShade: 7,
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  // No opening and closing animations for people who ask their system for reduced motion.
  respectReducedMotion: true,
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Badge: { defaultProps: { radius: 'sm' } },
    // No focusable `role="presentation"` placeholder inside `role="menu"` (axe
    // aria-required-children): opening a menu focuses its first item, as the WAI-ARIA menu
    // button pattern does; the arrows walk the items (e2e/security/accessibility.spec.ts).
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    // `color="initials"` picks from these (each reaches 4.5:1 in the light variant).
    Avatar: { defaultProps: { allowedInitialsColors: [...INITIALS_COLORS] } },
  },
});

/**
 * Light-mode text colours Mantine takes from its lighter shades: placeholders (gray 5) and
 * field errors (red 6) use the shades that reach 4.5:1 instead; red's hover is a lighter tint. Given to MantineProvider.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-6)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    // A red menu item hovered or reached with the arrows: its shade 6 on shade 1, not 2.
    '--mantine-color-red-light-hover': 'var(--mantine-color-red-1)',
  },
  dark: {},
});
