import AccountTreeIcon from '@mui/icons-material/AccountTree';
import ViewListIcon from '@mui/icons-material/ViewList';
import { Box, Card, ToggleButton, ToggleButtonGroup } from '@mui/material';
import type { ComponentType } from 'react';
import { CreateButton, Title, useStore, useTranslate } from 'react-admin';
import { UnitTree } from './UnitTree';

type View = 'tree' | 'flat';

/**
 * The units list: the tree by default, or the generated flat list with its filters. The
 * choice is kept in the store, so it survives a visit to a unit's page.
 */
export const createUnitList = (FlatList: ComponentType) => {
  const UnitList = () => {
    const translate = useTranslate();
    const [view, setView] = useStore<View>('units.view', 'tree');

    const toggle = (
      <ToggleButtonGroup
        size="small"
        exclusive
        value={view}
        onChange={(_, next: View | null) => next && setView(next)}
        aria-label={translate('nguon.units.view')}
      >
        <ToggleButton value="tree">
          <AccountTreeIcon fontSize="small" sx={{ mr: 1 }} />
          {translate('nguon.units.tree')}
        </ToggleButton>
        <ToggleButton value="flat">
          <ViewListIcon fontSize="small" sx={{ mr: 1 }} />
          {translate('nguon.units.flat')}
        </ToggleButton>
      </ToggleButtonGroup>
    );

    return (
      <Box>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', my: 1 }}>
          {toggle}
          {view === 'tree' && <CreateButton />}
        </Box>
        {view === 'tree' ? (
          <Card>
            <Title title={translate('resources.units.name', { smart_count: 2 })} />
            <UnitTree />
          </Card>
        ) : (
          <FlatList />
        )}
      </Box>
    );
  };

  return UnitList;
};
