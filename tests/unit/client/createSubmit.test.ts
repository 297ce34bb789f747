import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../client/i18n/errors.ts';
import { t } from '../../../client/i18n/index.ts';
import { createSubmit } from '../../../client/ui/createSubmit.ts';
import { eventually } from '../../helpers/eventually.ts';

describe('createSubmit', () => {
  it('shows the sentence an action returns, and clears it when the next run goes through', () => {
    let ok = false;
    const form = createSubmit(() => (ok ? undefined : 'fill in the title'));
    form.run();
    expect(form.error()).toBe('fill in the title');
    ok = true;
    form.run();
    expect(form.error()).toBeUndefined();
  });

  it('shows what a synchronous action threw in words, at once', () => {
    const refusal = new Error('the phone is out of space');
    const form = createSubmit(() => {
      throw refusal;
    });
    form.run();
    expect(form.error()).toBe(errorMessage(refusal));
    expect(form.busy()).toBe(false);
  });

  it('ignores a second run while an asynchronous action is still under way (a double tap)', async () => {
    let calls = 0;
    let resolve: (v: undefined) => void = () => undefined;
    const form = createSubmit(() => {
      calls++;
      return new Promise<undefined>((ok) => {
        resolve = ok;
      });
    });
    form.run();
    form.run();
    expect(calls).toBe(1);
    resolve(undefined);
    await eventually(() => expect(form.busy()).toBe(false));
    form.run();
    expect(calls).toBe(2);
  });

  it('is busy while an asynchronous action runs, then shows its failure in the words `failed` gives', async () => {
    let reject: (err: unknown) => void = () => undefined;
    const form = createSubmit(
      () =>
        new Promise<undefined>((_, no) => {
          reject = no;
        }),
      { failed: () => 'needs a connection' },
    );
    form.run();
    expect(form.busy()).toBe(true);
    expect(form.error()).toBeUndefined();
    reject(new Error('offline'));
    await eventually(() => expect(form.busy()).toBe(false));
    expect(form.error()).toBe('needs a connection');
  });

  it('passes its arguments through, and as a form submit does not reload the page', () => {
    const seen: string[] = [];
    const revoke = createSubmit((id: string) => {
      seen.push(id);
    });
    revoke.run('m1');
    expect(seen).toEqual(['m1']);

    let prevented = false;
    const form = createSubmit(() => 'not yet');
    form.onSubmit({
      preventDefault: () => {
        prevented = true;
      },
    } as Event);
    expect([prevented, form.error()]).toEqual([true, 'not yet']);
  });

  it('gives a sentence about a field to that field, focuses it, and points at it above the button', () => {
    const focused: string[] = [];
    const form = createSubmit(() => ({ field: 'title', message: 'fill in the title' }));
    form.claim('title', () => focused.push('title'));
    form.claim('place', () => focused.push('place'));
    form.run();
    expect(form.fieldError('title')).toBe('fill in the title');
    expect(form.fieldError('place')).toBeUndefined();
    expect(form.error()).toBe(t('form.checkField'));
    expect(focused).toEqual(['title']);
  });

  it('drops a field’s sentence when that field is edited, and not when another one is', () => {
    const form = createSubmit(() => ({ field: 'title', message: 'fill in the title' }));
    form.claim('title', () => undefined);
    form.run();
    form.edited('place');
    expect(form.fieldError('title')).toBe('fill in the title');
    form.edited('title');
    expect([form.fieldError('title'), form.error()]).toEqual([undefined, undefined]);
  });

  it('shows a sentence about a field that is not on screen above the button, in full', () => {
    const form = createSubmit(() => ({ field: 'department', message: 'fill in the department' }));
    const release = form.claim('department', () => undefined);
    release();
    form.run();
    expect(form.error()).toBe('fill in the department');
  });

  // Switching a duty from weekly to once hides the weeks field: its sentence must not move above the button.
  it('drops a sentence about a field once the field goes away', () => {
    const form = createSubmit(() => ({ field: 'weeks', message: 'how many weeks?' }));
    const release = form.claim('weeks', () => undefined);
    form.run();
    expect([form.fieldError('weeks'), form.error()]).toEqual(['how many weeks?', t('form.checkField')]);
    release();
    expect([form.fieldError('weeks'), form.error()]).toEqual([undefined, undefined]);
  });

  it('gives a field sentence that comes after an await to its field too', async () => {
    let focused = 0;
    const form = createSubmit(async () => ({ field: 'code', message: 'no such code' }));
    form.claim('code', () => focused++);
    form.run();
    await eventually(() => expect(form.fieldError('code')).toBe('no such code'));
    expect(focused).toBe(1);
  });
});
