import { Box, Card, CardContent, Tab, Tabs } from '@mui/material';
import { useState, type ComponentType } from 'react';
import { Title, useTranslate } from 'react-admin';
import { AgeingReport } from './AgeingReport';
import { FreePeriodReport } from './FreePeriodReport';
import { MonthlyReport } from './MonthlyReport';

const TABS = ['ageing', 'monthly', 'free'] as const;
type TabName = (typeof TABS)[number];

const reports: Record<TabName, ComponentType> = {
  ageing: AgeingReport,
  monthly: MonthlyReport,
  free: FreePeriodReport,
};

/**
 * "Báo cáo tài chính", for finance and the operator (the `finance-reports` entry of their menus):
 * ageing of what accounts owe, invoiced and collected totals by month, and the accounts in their
 * free year; each as a table that exports to CSV and XLSX.
 */
export const FinanceReportsPage = () => {
  const translate = useTranslate();
  const [tab, setTab] = useState<TabName>('ageing');
  const Report = reports[tab];

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('finance.title')} />
      <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tabs value={tab} onChange={(_event, value: TabName) => setTab(value)}>
          {TABS.map((name) => (
            <Tab key={name} value={name} label={translate(`finance.tabs.${name}`)} />
          ))}
        </Tabs>
      </Box>
      <CardContent>
        <Report />
      </CardContent>
    </Card>
  );
};

export default FinanceReportsPage;
