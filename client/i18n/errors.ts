import { ApiError } from '../../shared/api/ApiError.ts';
import { RuleError } from '../../shared/errors.ts';
import { type MessageKey, t } from './index.ts';
import { refusalText } from './reasons.ts';

const closeKeys: Record<number, MessageKey> = {
  4400: 'close.4400',
  4401: 'close.4401',
  4403: 'close.4403',
  4404: 'close.4404',
  4413: 'close.4413',
  4422: 'close.4422',
  4429: 'close.4429',
  4430: 'close.4430',
  4500: 'close.4500',
};

/** A relay close code as one plain sentence (the one place codes become words). */
export function closeMessage(code: number): string {
  const key = closeKeys[code];
  return key ? t(key) : t('close.other', { code });
}

/** Any caught error as one plain sentence. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return t(`error.${e.code}` as MessageKey);
  if (e instanceof RuleError) return refusalText(e.refusal);
  return String(e);
}
