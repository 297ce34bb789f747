import type { Page } from 'playwright-core';

/** 我的网格 and the building pages: 报到, naming leads, a lead's open requests. */
export class GridPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, compoundId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/c/${compoundId}/rosters`);
    await this.page.getByTestId('my-grid').click();
    await this.page.locator('main h1', { hasText: '我的网格' }).waitFor();
  }

  /** 微网格报到 with a typed building (no register on this phone), a unit and the party-member tag. */
  async register(building: string, unit: string, partyMember: boolean): Promise<void> {
    const form = this.page.getByTestId('grid-register-form');
    await form.locator('input[name="building"]').fill(building);
    await form.locator('input[name="unit"]').fill(unit);
    if (partyMember) await form.locator('input[name="party"]').check();
    await form.getByTestId('grid-register').click();
    await this.page.getByTestId('grid-registration').waitFor();
  }

  async registration(): Promise<string> {
    return (await this.page.getByTestId('grid-registration').textContent()) ?? '';
  }

  async openBuilding(building: string): Promise<void> {
    await this.page.locator(`[data-testid="grid-building"][data-building="${building}"]`).click();
    await this.page.getByTestId('building-lead').waitFor();
  }

  /** On a building page: the committee names its 楼栋长 by name, back on the building page. */
  async nameBuildingLead(name: string): Promise<void> {
    await this.page.getByTestId('name-building-lead').click();
    const form = this.page.getByTestId('name-lead-form');
    await form.locator('select[name="member"]').selectOption({ label: name });
    await form.getByTestId('name-lead-submit').click();
    await this.page.getByTestId('building-lead').waitFor();
  }

  /** On a building page: the committee names a 邻长 with households typed as a list, back on the building page. */
  async nameNeighbourLead(name: string, households: string): Promise<void> {
    await this.page.getByTestId('name-neighbour-lead').click();
    const form = this.page.getByTestId('name-lead-form');
    await form.locator('select[name="member"]').selectOption({ label: name });
    await form.locator('textarea[name="households"]').fill(households);
    await form.getByTestId('household-warning').waitFor();
    await form.getByTestId('name-lead-submit').click();
    await this.page.getByTestId('building-lead').waitFor();
  }

  async leadName(): Promise<string> {
    return (await this.page.getByTestId('lead-name').textContent()) ?? '';
  }

  /** Titles of the open requests shown to this phone's lead. */
  async leadRequests(): Promise<string[]> {
    return this.page.getByTestId('lead-requests').locator('.card-title').allTextContents();
  }
}
