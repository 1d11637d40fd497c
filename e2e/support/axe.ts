import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.2 AA, as issue 13 asks: what axe-core checks for levels A and AA of 2.0, 2.1 and 2.2. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The impacts that fail a spec; minor and moderate ones are printed only. */
const BLOCKING = new Set(['serious', 'critical']);

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

function describe(violation: Violation): string {
  const nodes = violation.nodes.map((node) => {
    const target = node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' ');
    const snippet = node.html.length > 200 ? `${node.html.slice(0, 200)}…` : node.html;
    const summary = node.failureSummary ? `\n      ${node.failureSummary.replace(/\n/g, '\n      ')}` : '';
    return `    - ${target}\n      ${snippet}${summary}`;
  });
  return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes.join('\n')}`;
}

/**
 * Runs axe-core on the page as it is now (call it once the page has settled, with any dialog
 * open) and fails on every violation of serious or critical impact, listing each one with the
 * elements it found. Minor and moderate ones go to the console.
 */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  const others = results.violations.filter((v) => !BLOCKING.has(v.impact ?? ''));
  if (others.length > 0) {
    console.log(`axe (${label}): ${others.length} minor or moderate violation(s)\n${others.map(describe).join('\n')}`);
  }
  expect(
    blocking.length,
    `axe (${label}) on ${page.url()}: ${blocking.length} serious or critical violation(s)\n${blocking.map(describe).join('\n')}`,
  ).toBe(0);
}
