import { createTheme, type MantineColorsTuple } from '@mantine/core';

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

export const theme = createTheme({
  primaryColor: 'lapis',
  colors: { lapis },
  primaryShade: 7,
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Badge: { defaultProps: { radius: 'sm' } },
  },
});
