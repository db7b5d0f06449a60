import {
  Alert,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { ColumnMapping, ImportTarget } from '../../../../shared/import/columns';
import type { ParsedSheet } from '../../../../shared/import/parse';

interface Props {
  sheet: ParsedSheet;
  mapping: ColumnMapping;
  targets: ImportTarget[];
  missing: ImportTarget[];
  onChange: (mapping: ColumnMapping) => void;
  disabled?: boolean;
  /** Translation keys of the table's name and of its field column. */
  texts?: { mapping: string; target: string };
}

const IGNORED = '';
/** A few values show what a column holds better than its header does. */
const SAMPLE_ROWS = 3;

/** One line per spreadsheet column: its header, sample values, and the field it fills. */
export const ColumnMappingTable = (props: Props) => {
  const { sheet, mapping, targets, missing, onChange, disabled } = props;
  const texts = props.texts ?? { mapping: 'nguon.import.mapping', target: 'nguon.import.target' };
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = locale === 'en' ? 'en' : 'vi';

  const setColumn = (column: number, field: string) => {
    const next = [...mapping];
    next[column] = field === IGNORED ? null : field;
    onChange(next);
  };

  return (
    <>
      {missing.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('nguon.import.missing_required', {
            fields: missing.map((t) => t.label[language]).join(', '),
          })}
        </Alert>
      )}
      <Table size="small" aria-label={translate(texts.mapping)}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('nguon.import.column')}</TableCell>
            <TableCell>{translate('nguon.import.samples')}</TableCell>
            <TableCell>{translate(texts.target)}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sheet.headers.map((header, column) => (
            <TableRow key={column}>
              <TableCell>{header || `#${column + 1}`}</TableCell>
              <TableCell sx={{ color: 'text.secondary', maxWidth: 320 }}>
                {sheet.rows
                  .slice(0, SAMPLE_ROWS)
                  .map((row) => row[column])
                  .filter(Boolean)
                  .join(' · ')}
              </TableCell>
              <TableCell>
                <TextField
                  select
                  size="small"
                  sx={{ minWidth: 240 }}
                  value={mapping[column] ?? IGNORED}
                  disabled={disabled}
                  onChange={(event) => setColumn(column, event.target.value)}
                  label={translate('nguon.import.field_for', { column: header || column + 1 })}
                >
                  <MenuItem value={IGNORED}>
                    <em>{translate('nguon.import.ignore')}</em>
                  </MenuItem>
                  {targets.map((t) => (
                    <MenuItem key={t.field} value={t.field}>
                      {t.label[language]}
                      {t.required ? ' *' : ''}
                    </MenuItem>
                  ))}
                </TextField>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};
