import type { Locator, Page } from 'playwright-core';

/**
 * The field that holds the control named `name` (its wrapper: label, sentence, input), that
 * control, and the sentence shown beside it when the form found it wrong.
 */
export function fieldNamed(scope: Page | Locator, name: string): { field: Locator; control: Locator; error: Locator } {
  const control = `[name="${name}"]`;
  // An inner `has` locator is matched inside each field, so it is made from the page, not the scope.
  const page = 'goto' in scope ? scope : scope.page();
  const field = scope.locator('.field, .choice-group').filter({ has: page.locator(control) });
  return { field, control: field.locator(control).first(), error: field.getByTestId('field-error') };
}
