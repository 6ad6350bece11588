import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** NEXO's blue: the brand colour, ten shades from light to dark as Mantine expects. */
const nexo: MantineColorsTuple = [
  '#e8f3ff',
  '#d2e3fb',
  '#a4c5f3',
  '#72a5ec',
  '#4a8ae5',
  '#3179e2',
  '#2271e1',
  '#135fc9',
  '#0654b5',
  '#0048a1',
];

export const nexoTheme = createTheme({
  primaryColor: 'nexo',
  colors: { nexo },
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  fontFamily:
    'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", system-ui, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { fw: 600 } },
    Paper: { defaultProps: { withBorder: true } },
    Card: { defaultProps: { withBorder: true } },
    Table: { defaultProps: { highlightOnHover: true, verticalSpacing: 'sm' } },
  },
});
