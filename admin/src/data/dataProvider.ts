import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { API_URL, type HttpClient } from './httpClient';

/** The API follows the ra-data-simple-rest contract exactly (DESIGN.md §5). */
export const createDataProvider = (httpClient: HttpClient): DataProvider =>
  simpleRestProvider(API_URL, httpClient);
