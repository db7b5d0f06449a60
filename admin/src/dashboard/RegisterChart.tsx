import { useTheme } from '@mui/material';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTranslate } from 'react-admin';
import { formatCount } from '../format/numbers';
import type { WardStats } from './useRegisterStats';

const ROW_HEIGHT = 26;

/**
 * Complete, partial and incomplete households per ward, stacked, one bar per ward. Horizontal
 * bars, because ward names are long and there are dozens of them.
 */
const RegisterChart = ({ wards }: { wards: WardStats[] }) => {
  const translate = useTranslate();
  const { palette } = useTheme();
  const height = Math.max(240, wards.length * ROW_HEIGHT + 80);

  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={wards} layout="vertical" margin={{ left: 24, right: 24 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={formatCount} />
        <YAxis type="category" dataKey="name" width={160} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => formatCount(Number(value))} />
        {/* In band order, not recharts' default alphabetical one. */}
        <Legend itemSorter={null} />
        <Bar
          dataKey="complete"
          stackId="register"
          name={translate('nguon.dashboard.complete')}
          fill={palette.success.main}
        />
        <Bar
          dataKey="partial"
          stackId="register"
          name={translate('nguon.dashboard.partial')}
          fill={palette.warning.main}
        />
        <Bar
          dataKey="incomplete"
          stackId="register"
          name={translate('nguon.dashboard.incomplete')}
          fill={palette.error.main}
        />
      </BarChart>
    </ResponsiveContainer>
  );
};

export default RegisterChart;
