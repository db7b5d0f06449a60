import './lookup.css';
import { renderResult } from './result';
import { renderSearch } from './search';

/**
 * The resident look-up, a page of its own beside the admin: `/lookup` finds a household and
 * starts a payment, `/lookup/result?attempt=…` shows how the payment went.
 */
const root = document.getElementById('lookup');
if (!root) throw new Error('lookup.html has no #lookup element');

const params = new URLSearchParams(window.location.search);
if (window.location.pathname.replace(/\/+$/, '').endsWith('/result')) renderResult(root, params);
else renderSearch(root, params);
