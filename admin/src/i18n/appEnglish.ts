import { collectionMessages } from '../collections/messages';
import { kpiMessages } from '../kpi/messages';
import type { appVietnamese } from './appVietnamese';

/** The admin's own words in English; typed after the Vietnamese so no key is forgotten. */
export const appEnglish: typeof appVietnamese = {
  nguon: {
    ...collectionMessages.en,
    kpi: kpiMessages.en,
    login: { tagline: 'Household waste management for local government' },
    no_options: 'No options',
    not_found:
      'This %{name} was not found: it does not exist, was deleted, ' +
      'or lies outside what your account covers.',
    back_to_list: 'Back to the list',
    history: {
      title: 'Change history',
      empty: 'No changes recorded yet.',
    },
    audit: {
      empty: '(empty)',
      more: '… and %{smart_count} more change |||| … and %{smart_count} more changes',
      system: 'System',
    },
    user_menu: { signed_in_as: '%{username} · %{role}' },
    month: { name: '%{month}/%{year}', current: 'This month' },
    password: {
      menu: 'Change password',
      title: 'Change password',
      explain:
        'You stay signed in in this browser; every other session of yours ' +
        '(other devices, other browsers) ends.',
      current: 'Current password',
      new: 'New password',
      repeat: 'Repeat the new password',
      mismatch: 'The two new passwords differ',
      submit: 'Change password',
      failed: 'The password was not changed',
    },
    reset_password: {
      open: 'Reset password',
      title: 'Reset the password of %{name}',
      explain:
        'The new password applies at once and every session of this user ends. ' +
        'Give it to them over a safe channel and ask them to change it.',
      new: 'New password',
      submit: 'Reset',
      failed: 'The password was not reset',
    },
    sorting: {
      since: 'Since %{date}',
      since_date: 'Since',
      choice_yes: 'Yes, since…',
      no: 'Not sorting',
      unknown: 'Unknown',
    },
    completeness: {
      complete: 'All 10 basic fields filled',
      partial: 'Partly complete (7–9 fields)',
      incomplete: 'Incomplete (under 7 fields)',
    },
    location: { lat: 'Latitude', lng: 'Longitude' },
    hint: { phone: 'Mobile or landline, e.g. 0905 123 456 or 0258 382 2123' },
    validation: { sorting_date_required: 'Choose the date sorting started' },
    units: {
      tree: 'Unit tree',
      flat: 'List',
      view: 'View',
      expand: 'Expand %{name}',
      collapse: 'Collapse %{name}',
    },
    export: {
      csv: 'Export CSV',
      xlsx: 'Export Excel',
      title: 'Exporting the register',
      progress: 'Fetched %{done} / %{total} households…',
      writing: 'Resolving ward and collector names, writing the file…',
      done: 'Exported %{smart_count} household |||| Exported %{smart_count} households',
      failed: 'The export failed',
    },
    import: {
      open: 'Import from Excel/CSV',
      title: 'Import households from Excel/CSV',
      step_ward: '1. Ward/commune',
      ward: 'Ward/commune receiving the data',
      ward_help: 'Used for rows that name no ward; leave empty if the file has a ward column',
      step_file: '2. File',
      choose_file: 'Choose a .csv or .xlsx file',
      file_types: 'Accepts .csv (UTF-8) or .xlsx',
      step_mapping: '3. Match columns (%{count} data rows)',
      mapping: 'Match the file columns to register fields',
      column: 'Column in the file',
      samples: 'Sample values',
      target: 'Register field',
      field_for: 'Field for column %{column}',
      ignore: 'Ignore this column',
      missing_required: 'No column for required field: %{fields}',
      needs_ward: 'Choose a ward in step 1, or match a file column to "Ward/commune".',
      step_run: '4. Preview and import',
      preview: 'Preview',
      run: 'Import %{count} rows',
      download_results: 'Download results (CSV)',
      progress: 'Processed %{done} / %{total} rows…',
      progress_label: 'Progress',
      totals_preview:
        'Preview: %{created} to create, %{updated} to update, %{unchanged} unchanged, ' +
        '%{error} rows with errors (they will be skipped).',
      totals_done:
        'Result: %{created} created, %{updated} updated, %{unchanged} unchanged, ' +
        '%{error} rows with errors.',
      filter_rows: 'Filter rows by outcome',
      all_rows: 'All (%{count})',
      results: 'Row results',
      row: 'Row',
      outcome: 'Outcome',
      details: 'Details',
      status: {
        would: {
          created: 'Will create',
          updated: 'Will update',
          unchanged: 'Unchanged',
          error: 'Error',
        },
        did: {
          created: 'Created',
          updated: 'Updated',
          unchanged: 'Unchanged',
          error: 'Error',
        },
      },
    },
    dashboard: {
      title: 'Register digitisation progress',
      total: 'Households',
      wards: '%{count} wards/communes',
      complete: 'Complete (10/10)',
      partial: 'Partial (7–9)',
      incomplete: 'Incomplete (under 7)',
      chart: 'Completeness by ward/commune',
      table: 'Details by ward/commune',
      ward: 'Ward/commune',
    },
  },
};
