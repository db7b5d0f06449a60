import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { WASTE_GROUPS } from '../../../shared/collections/fields';
import { wasteGroupLabels } from '../../../shared/collections/resource';
import { DESTINATIONS } from '../../../shared/emissions/fields';
import { destinationChoices } from '../../../shared/emissions/resource';
import type { KpiReport, KpiState } from './kpiData';
import { StateChip } from './KpiCards';

const STATES: KpiState[] = ['on-track', 'at-risk', 'off-track', 'no-data'];

/**
 * What each number means and how a status is decided, in the words of the API's answer
 * (shared/kpi/definitions.ts), and the emission factors the GHG estimate used.
 */
export const KpiDefinitions = ({ report }: { report: KpiReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = locale === 'en' ? 'en' : 'vi';
  const { kpis, statuses } = report.definitions;
  const factors = report.emissionFactors;
  const destination = (id: string) =>
    destinationChoices.find((choice) => choice.id === id)?.name[language] ?? id;

  return (
    <Accordion disableGutters>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="kpi-definitions">
        <Typography component="h2" variant="subtitle1">
          {translate('nguon.kpi.definitions')}
        </Typography>
      </AccordionSummary>
      <AccordionDetails id="kpi-definitions">
        <Box component="dl" sx={{ m: 0 }}>
          {kpis.map((definition) => (
            <Box key={definition.key} sx={{ mb: 1.5 }}>
              <Typography component="dt" variant="subtitle2">
                {definition.label[language]}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ ml: 0 }}>
                {definition.definition[language]}
              </Typography>
            </Box>
          ))}
        </Box>
        <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 1 }}>
          {translate('nguon.kpi.statuses')}
        </Typography>
        {STATES.map((state) => (
          <Box key={state} sx={{ display: 'flex', gap: 1, alignItems: 'baseline', mb: 1 }}>
            <StateChip state={state} />
            <Typography variant="body2">{statuses[state][language]}</Typography>
          </Box>
        ))}
        <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 1 }}>
          {translate(
            factors.origin === 'province'
              ? 'nguon.kpi.factors_province'
              : 'nguon.kpi.factors_default',
          )}
        </Typography>
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" sx={{ maxWidth: 640 }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('nguon.kpi.group')}</TableCell>
                <TableCell>{translate('nguon.kpi.destination')}</TableCell>
                <TableCell align="right">{translate('nguon.kpi.factor')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {WASTE_GROUPS.map((group) => (
                <TableRow key={group}>
                  <TableCell>{wasteGroupLabels[group][language].replace(/ \(kg\)$/, '')}</TableCell>
                  <TableCell>{destination(factors.destinations[group])}</TableCell>
                  <TableCell align="right">
                    {factors.factors[factors.destinations[group]].toLocaleString('vi-VN')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {DESTINATIONS.map(
            (d) => `${destination(d)}: ${factors.factors[d].toLocaleString('vi-VN')}`,
          ).join(' · ')}
        </Typography>
        {factors.source && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('nguon.kpi.factors_source', { source: factors.source })}
          </Typography>
        )}
      </AccordionDetails>
    </Accordion>
  );
};
