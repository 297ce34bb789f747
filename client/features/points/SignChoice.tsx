import { t } from '../../i18n/index.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import type { Sign } from './amount.ts';

/** 加分 or 扣分, chosen rather than typed as a minus: a phone's number pad (iOS) has no minus key. */
export function SignChoice(props: { value: Sign; onChange: (sign: Sign) => void }) {
  return (
    <ChoiceGroup
      label={t('points.ruleSign')}
      name="sign"
      options={[
        { value: 'add', label: t('points.ruleAdds') },
        { value: 'deduct', label: t('points.ruleDeducts') },
      ]}
      value={props.value}
      onChange={props.onChange}
    />
  );
}
