import { SelectInput, useTranslate } from 'react-admin';
import { recentMonthsInVietnam } from '../format/dates';

/**
 * Months offered: three years back. The API takes any month; an older one is reached through
 * the list's URL until the picker needs a year field.
 */
const MONTHS_OFFERED = 36;

interface Props {
  source: string;
  label: string;
  /** Read by the filter form from this element; not passed on. */
  alwaysOn?: boolean;
}

/**
 * A calendar month, `YYYY-MM`, picked from the recent ones as "Tháng 05/2025". No value means
 * the current month to the API, and the empty choice says so.
 */
export const MonthInput = ({ source, label }: Props) => {
  const translate = useTranslate();
  const choices = recentMonthsInVietnam(MONTHS_OFFERED).map((id) => {
    const [year, month] = id.split('-');

    return { id, name: translate('nguon.month.name', { month, year }) };
  });

  return (
    <SelectInput
      source={source}
      label={label}
      choices={choices}
      translateChoice={false}
      emptyText="nguon.month.current"
      helperText={false}
    />
  );
};
