import { expect, type Locator, type Page } from '@playwright/test';

/** A laptop's screens: the sizes the tables must fit without a horizontal page scroll. */
export const laptops = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
];

export async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `page scroll width at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth);
}

/** Within the viewport's width. */
export async function expectInViewport(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, 'element on screen').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, 'right edge within the viewport').toBeLessThanOrEqual(page.viewportSize()!.width);
}

/** Scrolled to, within the viewport, and what the browser finds at its centre is the element itself (nothing drawn over it). */
export async function expectReachable(page: Page, locator: Locator) {
  await locator.scrollIntoViewIfNeeded();
  await expectInViewport(page, locator);
  const hit = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!top && (el === top || el.contains(top));
  });
  expect(hit, 'nothing drawn over the element').toBe(true);
}
