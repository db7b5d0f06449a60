import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Grid,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import {
  HttpError,
  Title,
  useCreate,
  useGetIdentity,
  useLocaleState,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import {
  REFUSAL_REASONS,
  type RefusalReason,
  SORTING_STATUSES,
  type SortingStatus,
  WASTE_GROUPS,
  type WasteGroup,
  weightField,
} from '../../../shared/collections/fields';
import {
  collectionResource,
  refusalReasonChoices,
  sortingStatusChoices,
  wasteGroupLabels,
} from '../../../shared/collections/resource';
import type { Identity } from '../auth/authProvider';
import {
  blankWeights,
  checkEntry,
  entryBody,
  type EntryMode,
  type EntryValues,
  nowInVietnamLocal,
  totalKg,
} from './entryValues';
import { readLastEntry, saveLastEntry } from './lastEntry';
import {
  CollectorPicker,
  HamletPicker,
  HouseholdPicker,
  useHamlets,
  useWards,
  WardPicker,
} from './pickers';
import { RecentEntries, type RecentEntry } from './RecentEntries';

type Errors = Record<string, string>;

const labelOf = (source: string, language: 'vi' | 'en'): string =>
  collectionResource.fields.find((field) => field.source === source)?.label[language] ?? source;

const emptyValues = (): EntryValues => ({
  unitId: null,
  hamletId: null,
  mode: 'household',
  householdId: null,
  householdsCovered: '',
  weights: blankWeights(),
  sortingStatus: '',
  refusalReason: '',
  at: nowInVietnamLocal(),
  collectorId: null,
  note: '',
  photoUrl: '',
});

/** The fields whose errors are shown beside an input; any other goes in the alert on top. */
const SHOWN_FIELDS = new Set([
  'at',
  'unitId',
  'hamletId',
  'householdId',
  'householdsCovered',
  'collectorId',
  ...WASTE_GROUPS.map(weightField),
  'sortingStatus',
  'refusalReason',
  'note',
  'photoUrl',
]);

/** Where the cursor goes for an error, in the form's order. */
const FOCUS_ORDER = [
  'unitId',
  'hamletId',
  'householdId',
  'householdsCovered',
  ...WASTE_GROUPS.map(weightField),
  'sortingStatus',
  'refusalReason',
  'at',
  'collectorId',
  'note',
  'photoUrl',
];

const serverErrors = (error: unknown): { fields: Errors; message?: string } => {
  if (!(error instanceof HttpError)) {
    return { fields: {}, message: error instanceof Error ? error.message : undefined };
  }
  const body = error.body as { message?: string; errors?: Record<string, unknown> } | undefined;
  const fields: Errors = {};
  for (const [field, message] of Object.entries(body?.errors ?? {})) {
    if (typeof message === 'string') fields[field] = message;
  }

  return { fields, message: body?.message ?? error.message };
};

/**
 * The collector's fast entry: ward, hamlet and collector are remembered from the last pickup,
 * the cursor starts in the first weight, Enter saves and clears the form for the next pickup
 * ("Lưu và ghi tiếp"), and the API's answers land on the fields they concern. One column on a
 * phone, the weights two by two.
 */
export const CollectionCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [locale] = useLocaleState();
  const language = locale === 'en' ? 'en' : 'vi';
  const { identity } = useGetIdentity();
  const me = identity as Identity | undefined;
  const isCollector = me?.role === 'collector';
  const [create] = useCreate();
  const [values, setValues] = useState<EntryValues>(emptyValues);
  const [atByHand, setAtByHand] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [recent, setRecent] = useState<RecentEntry[]>([]);
  const [restored, setRestored] = useState(false);
  const refs = useRef<Record<string, HTMLElement | null>>({});
  const { wards } = useWards();
  const { hamlets, loading: hamletsLoading } = useHamlets(values.unitId);

  const refOf = (field: string) => (element: HTMLElement | null) => {
    refs.current[field] = element;
  };
  const focus = (field: string) => {
    const element = refs.current[field];
    element?.focus();
    if (element instanceof HTMLInputElement && element.type === 'text') element.select();
  };

  // The last ward, hamlet, collector and kind of pickup of this user, once they are known.
  useEffect(() => {
    if (!me || restored) return;
    const last = readLastEntry(me.username);
    setValues((current) => ({
      ...current,
      ...(last ?? {}),
      collectorId: isCollector ? me.accountId : (last?.collectorId ?? null),
    }));
    setRestored(true);
  }, [me, restored, isCollector]);

  // A ward officer has one ward: it is the ward, always. A remembered ward now outside the
  // user's area is dropped.
  useEffect(() => {
    if (!restored || wards.length === 0) return;
    setValues((current) => {
      if (wards.length === 1 && current.unitId !== String(wards[0].id)) {
        return { ...current, unitId: String(wards[0].id), hamletId: null, householdId: null };
      }
      if (current.unitId && !wards.some((ward) => ward.id === current.unitId)) {
        return { ...current, unitId: null, hamletId: null, householdId: null };
      }

      return current;
    });
  }, [restored, wards]);

  // A remembered hamlet that is not one of the ward's (any more) is dropped.
  useEffect(() => {
    if (!values.hamletId || !values.unitId || hamletsLoading) return;
    if (!hamlets.some((hamlet) => hamlet.id === values.hamletId)) {
      setValues((current) => ({ ...current, hamletId: null }));
    }
  }, [values.hamletId, values.unitId, hamlets, hamletsLoading]);

  const set = <K extends keyof EntryValues>(field: K, value: EntryValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _, ...rest } = current;

      return rest;
    });
  };
  const setWeight = (group: WasteGroup, text: string) => {
    setValues((current) => ({ ...current, weights: { ...current.weights, [group]: text } }));
    setErrors((current) => {
      const { [weightField(group)]: _, ...rest } = current;

      return rest;
    });
  };
  const setWard = (unitId: string | null) =>
    setValues((current) => ({ ...current, unitId, hamletId: null, householdId: null }));
  const setHamlet = (hamletId: string | null) =>
    setValues((current) => ({ ...current, hamletId, householdId: null }));

  const message = (text: string) => translate(text, { _: text });

  const save = async (next: 'another' | 'show') => {
    if (saving) return;
    const current = atByHand ? values : { ...values, at: nowInVietnamLocal() };
    const body = entryBody(current);
    const found = checkEntry(current, body);
    setGeneral(null);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      const first = FOCUS_ORDER.find((field) => found[field]);
      if (first) focus(first);
      else setGeneral(Object.values(found)[0]);
      return;
    }
    setSaving(true);
    try {
      const saved = (await create(
        'collections',
        { data: body },
        { returnPromise: true },
      )) as unknown as RecentEntry;
      if (me) {
        saveLastEntry(me.username, {
          unitId: current.unitId,
          hamletId: current.hamletId,
          collectorId: isCollector ? null : current.collectorId,
          mode: current.mode,
        });
      }
      notify('nguon.collections.entry.saved', {
        type: 'success',
        messageArgs: { total: saved.totalKg.toLocaleString('vi-VN') },
      });
      if (next === 'show') {
        redirect('show', 'collections', saved.id);
        return;
      }
      setRecent((list) => [saved, ...list].slice(0, 10));
      setErrors({});
      setValues({
        ...current,
        householdId: null,
        weights: blankWeights(),
        sortingStatus: '',
        refusalReason: '',
        note: '',
        photoUrl: '',
        at: atByHand ? current.at : nowInVietnamLocal(),
      });
      // The next pickup starts where this one did: its household, or its first weight.
      setTimeout(() => focus(current.mode === 'household' ? 'householdId' : 'recyclableKg'));
    } catch (error) {
      const answer = serverErrors(error);
      setErrors(answer.fields);
      const shown = Object.keys(answer.fields).filter((field) => SHOWN_FIELDS.has(field));
      const first = FOCUS_ORDER.find((field) => answer.fields[field]);
      if (first) focus(first);
      if (shown.length === 0 || shown.length < Object.keys(answer.fields).length) {
        setGeneral(answer.message ?? translate('ra.notification.http_error'));
      }
    } finally {
      setSaving(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save('another');
  };
  // Browsers submit on Enter from text inputs only; a chosen radio saves the same way.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type === 'radio') {
      event.preventDefault();
      void save('another');
    }
  };

  const refused = values.sortingStatus === 'refused';
  const errorOf = (field: string) => (errors[field] ? message(errors[field]) : undefined);
  const choiceName = (choices: typeof sortingStatusChoices, id: string) =>
    choices.find((choice) => choice.id === id)?.name[language] ?? id;

  return (
    <Box sx={{ mt: 2, maxWidth: 760, pb: { xs: 10, sm: 2 } }}>
      <Title title={translate('nguon.collections.entry.title')} />
      <Card>
        <CardContent sx={{ px: { xs: 1.5, sm: 2 } }}>
          <form
            onSubmit={onSubmit}
            onKeyDown={onKeyDown}
            noValidate
            aria-label={translate('nguon.collections.entry.title')}
          >
            {general && (
              <Alert severity="error" sx={{ mb: 2 }}>
                {message(general)}
              </Alert>
            )}
            <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
              {translate('nguon.collections.entry.where')}
            </Typography>
            <Grid container spacing={1.5} sx={{ mb: 2 }}>
              <Grid size={{ xs: 12, sm: 6 }}>
                <WardPicker
                  label={labelOf('unitId', language)}
                  value={values.unitId}
                  onChange={setWard}
                  error={errorOf('unitId')}
                  inputRef={refOf('unitId')}
                  required
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <HamletPicker
                  label={labelOf('hamletId', language)}
                  unitId={values.unitId}
                  value={values.hamletId}
                  onChange={setHamlet}
                  error={errorOf('hamletId')}
                  inputRef={refOf('hamletId')}
                />
              </Grid>
              <Grid size={12}>
                <ToggleButtonGroup
                  exclusive
                  size="small"
                  color="primary"
                  value={values.mode}
                  onChange={(_, mode: EntryMode | null) => mode && set('mode', mode)}
                  aria-label={translate('nguon.collections.entry.mode')}
                  fullWidth
                >
                  <ToggleButton value="household">
                    {translate('nguon.collections.entry.mode_household')}
                  </ToggleButton>
                  <ToggleButton value="route">
                    {translate('nguon.collections.entry.mode_route')}
                  </ToggleButton>
                </ToggleButtonGroup>
              </Grid>
              <Grid size={12}>
                {values.mode === 'household' ? (
                  <HouseholdPicker
                    label={labelOf('householdId', language)}
                    unitId={values.unitId}
                    hamletId={values.hamletId}
                    value={values.householdId}
                    onChange={(id) => set('householdId', id)}
                    error={errorOf('householdId')}
                    helperText={translate('nguon.collections.entry.household_help')}
                    inputRef={refOf('householdId')}
                    required
                  />
                ) : (
                  <TextField
                    fullWidth
                    required
                    label={labelOf('householdsCovered', language)}
                    value={values.householdsCovered}
                    onChange={(event) => set('householdsCovered', event.target.value)}
                    error={Boolean(errors.householdsCovered)}
                    helperText={
                      errorOf('householdsCovered') ??
                      translate('nguon.collections.entry.covered_help')
                    }
                    inputRef={refOf('householdsCovered')}
                    slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]*' } }}
                  />
                )}
              </Grid>
            </Grid>

            <Stack
              direction="row"
              sx={{ justifyContent: 'space-between', alignItems: 'baseline', mb: 1 }}
            >
              <Typography variant="subtitle1" component="h2">
                {translate('nguon.collections.entry.weights')}
              </Typography>
              <Typography variant="body2" aria-live="polite" data-testid="entry-total">
                {translate('nguon.collections.entry.total', {
                  total: totalKg(values.weights).toLocaleString('vi-VN'),
                })}
              </Typography>
            </Stack>
            <Grid container spacing={1.5} sx={{ mb: 2 }}>
              {WASTE_GROUPS.map((group, index) => (
                <Grid key={group} size={{ xs: 6, sm: 4, md: index < 3 ? 4 : 6 }}>
                  <TextField
                    fullWidth
                    autoFocus={index === 0}
                    disabled={refused}
                    label={wasteGroupLabels[group][language]}
                    value={refused ? '' : values.weights[group]}
                    onChange={(event) => setWeight(group, event.target.value)}
                    error={Boolean(errors[weightField(group)])}
                    helperText={errorOf(weightField(group))}
                    inputRef={refOf(weightField(group))}
                    placeholder="0"
                    slotProps={{
                      htmlInput: {
                        inputMode: 'decimal',
                        autoComplete: 'off',
                        enterKeyHint: 'send',
                      },
                    }}
                  />
                </Grid>
              ))}
            </Grid>

            <FormControl
              error={Boolean(errors.sortingStatus)}
              required
              sx={{ mb: 2, width: '100%' }}
            >
              <FormLabel id="sorting-status">{labelOf('sortingStatus', language)}</FormLabel>
              <RadioGroup
                aria-labelledby="sorting-status"
                value={values.sortingStatus}
                onChange={(event) => set('sortingStatus', event.target.value as SortingStatus)}
                sx={{
                  display: 'grid',
                  gridTemplateColumns: { xs: '1fr 1fr', sm: 'repeat(4, auto)' },
                }}
              >
                {SORTING_STATUSES.map((status, index) => (
                  <FormControlLabel
                    key={status}
                    value={status}
                    control={
                      <Radio
                        slotProps={{
                          input: { ref: index === 0 ? refOf('sortingStatus') : undefined },
                        }}
                      />
                    }
                    label={choiceName(sortingStatusChoices, status)}
                  />
                ))}
              </RadioGroup>
              {errors.sortingStatus && <FormHelperText>{errorOf('sortingStatus')}</FormHelperText>}
            </FormControl>

            {refused && (
              <FormControl
                error={Boolean(errors.refusalReason)}
                required
                sx={{ mb: 2, width: '100%' }}
              >
                <FormLabel id="refusal-reason">{labelOf('refusalReason', language)}</FormLabel>
                <RadioGroup
                  aria-labelledby="refusal-reason"
                  value={values.refusalReason}
                  onChange={(event) => set('refusalReason', event.target.value as RefusalReason)}
                >
                  {REFUSAL_REASONS.map((reason, index) => (
                    <FormControlLabel
                      key={reason}
                      value={reason}
                      control={
                        <Radio
                          slotProps={{
                            input: { ref: index === 0 ? refOf('refusalReason') : undefined },
                          }}
                        />
                      }
                      label={choiceName(refusalReasonChoices, reason)}
                    />
                  ))}
                </RadioGroup>
                {errors.refusalReason && (
                  <FormHelperText>{errorOf('refusalReason')}</FormHelperText>
                )}
              </FormControl>
            )}

            <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
              {translate('nguon.collections.entry.when_who')}
            </Typography>
            <Grid container spacing={1.5} sx={{ mb: 2 }}>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  fullWidth
                  required
                  type="datetime-local"
                  label={labelOf('at', language)}
                  value={values.at}
                  onChange={(event) => {
                    setAtByHand(true);
                    set('at', event.target.value);
                  }}
                  error={Boolean(errors.at)}
                  helperText={errorOf('at') ?? translate('nguon.collections.entry.at_help')}
                  inputRef={refOf('at')}
                  slotProps={{ inputLabel: { shrink: true } }}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                {isCollector ? (
                  <TextField
                    fullWidth
                    label={labelOf('collectorId', language)}
                    value={me?.accountName ?? ''}
                    error={Boolean(errors.collectorId)}
                    helperText={errorOf('collectorId')}
                    slotProps={{ htmlInput: { readOnly: true, tabIndex: -1 } }}
                  />
                ) : (
                  <CollectorPicker
                    label={labelOf('collectorId', language)}
                    value={values.collectorId}
                    onChange={(id) => set('collectorId', id)}
                    error={errorOf('collectorId')}
                    inputRef={refOf('collectorId')}
                    required
                  />
                )}
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  fullWidth
                  multiline
                  maxRows={4}
                  label={labelOf('note', language)}
                  value={values.note}
                  onChange={(event) => set('note', event.target.value)}
                  error={Boolean(errors.note)}
                  helperText={errorOf('note')}
                  inputRef={refOf('note')}
                  onKeyDown={(event) => {
                    // Enter saves here too; Shift+Enter starts a new line of the note.
                    if (event.key === 'Enter' && !event.shiftKey) {
                      event.preventDefault();
                      void save('another');
                    }
                  }}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  fullWidth
                  type="url"
                  label={labelOf('photoUrl', language)}
                  value={values.photoUrl}
                  onChange={(event) => set('photoUrl', event.target.value)}
                  error={Boolean(errors.photoUrl)}
                  helperText={errorOf('photoUrl')}
                  inputRef={refOf('photoUrl')}
                />
              </Grid>
            </Grid>

            <Stack
              direction="row"
              spacing={1}
              sx={{
                position: { xs: 'sticky', sm: 'static' },
                bottom: 0,
                py: 1,
                bgcolor: 'background.paper',
                zIndex: 1,
                flexWrap: 'wrap',
                gap: 1,
              }}
            >
              <Button type="submit" variant="contained" disabled={saving}>
                {translate('nguon.collections.entry.save_another')}
              </Button>
              <Button variant="outlined" disabled={saving} onClick={() => void save('show')}>
                {translate('nguon.collections.entry.save')}
              </Button>
            </Stack>
            <Typography
              variant="caption"
              color="text.secondary"
              sx={{ display: { xs: 'none', sm: 'block' } }}
            >
              {translate('nguon.collections.entry.keys_hint')}
            </Typography>
          </form>
        </CardContent>
      </Card>
      <RecentEntries entries={recent} />
    </Box>
  );
};

export default CollectionCreate;
