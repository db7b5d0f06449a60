import type { LookupAnswer, PayMethod, PublicBill } from '../../../shared/lookup/answer';
import type { PublicUnit } from '../../../shared/lookup/units';
import { ApiError, fetchUnits, lookUp, startPayment } from './api';
import { append, h, isFramed, replace } from './dom';
import { formatMonth, formatVnd } from './format';
import { renderTransfer } from './transfer';

/** What the resident typed, kept to start the payment with the same proof. */
interface Proof {
  unitId: string;
  code: string;
  phone: string;
}

const messageOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : 'Đã có lỗi, vui lòng thử lại.';

const alertBox = () => h('p', { class: 'alert', role: 'alert', hidden: true });

const showAlert = (box: HTMLElement, text: string) => {
  box.textContent = text;
  box.hidden = false;
};

/** A ward's name, with the unit above it only where two wards share the name. */
const unitOption = (unit: PublicUnit, selected: boolean, shared: boolean) =>
  h(
    'option',
    { value: unit.id, selected },
    shared && unit.parentName ? `${unit.name} (${unit.parentName})` : unit.name,
  );

/** The form: ward, household code, phone. A `?unitId=` in the page's address preselects. */
export const renderSearch = (root: HTMLElement, params: URLSearchParams): void => {
  const wantedUnit = params.get('unitId') ?? '';
  const ward = h(
    'select',
    { id: 'unit', name: 'unitId', required: true, disabled: true },
    h('option', { value: '' }, 'Đang tải danh sách…'),
  );
  const code = h('input', {
    id: 'code',
    name: 'code',
    required: true,
    maxlength: 30,
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    'aria-describedby': 'code-hint',
  });
  const phone = h('input', {
    id: 'phone',
    name: 'phone',
    type: 'tel',
    inputmode: 'tel',
    autocomplete: 'tel',
    required: true,
    maxlength: 20,
    'aria-describedby': 'phone-hint',
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Tra cứu');
  const alert = alertBox();
  const results = h('div', { id: 'results' });

  const form = h(
    'form',
    { novalidate: true, 'aria-label': 'Tra cứu phí thu gom rác của hộ' },
    h('label', { for: 'unit' }, 'Phường/xã'),
    ward,
    h('label', { for: 'code' }, 'Mã hộ'),
    code,
    h('p', { id: 'code-hint', class: 'hint' }, 'Ghi trên biên lai hoặc thông báo thu phí.'),
    h('label', { for: 'phone' }, 'Số điện thoại đã đăng ký'),
    phone,
    h('p', { id: 'phone-hint', class: 'hint' }, 'Ví dụ: 0905 123 456'),
    alert,
    submit,
  );

  const loadUnits = async () => {
    try {
      const units = await fetchUnits();
      const seen = new Map<string, number>();
      for (const unit of units) seen.set(unit.name, (seen.get(unit.name) ?? 0) + 1);
      replace(
        ward,
        h('option', { value: '' }, '— Chọn phường/xã —'),
        ...units.map((unit) =>
          unitOption(unit, unit.id === wantedUnit, (seen.get(unit.name) ?? 0) > 1),
        ),
      );
      ward.disabled = false;
    } catch (error) {
      replace(ward, h('option', { value: '' }, 'Chưa tải được danh sách'));
      showAlert(alert, messageOf(error));
    }
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    alert.hidden = true;
    const proof = { unitId: ward.value, code: code.value.trim(), phone: phone.value.trim() };
    const missing = [
      !proof.unitId && 'phường/xã',
      !proof.code && 'mã hộ',
      !proof.phone && 'số điện thoại',
    ].filter(Boolean);
    if (missing.length > 0) {
      showAlert(alert, `Cần nhập ${missing.join(', ')}.`);

      return;
    }

    submit.disabled = true;
    submit.textContent = 'Đang tra cứu…';
    replace(results);
    try {
      const answer = await lookUp(proof.unitId, proof.code, proof.phone);
      renderAnswer(results, answer, proof);
      results.querySelector<HTMLElement>('h2')?.focus();
    } catch (error) {
      showAlert(alert, messageOf(error));
    } finally {
      submit.disabled = false;
      submit.textContent = 'Tra cứu';
    }
  });

  replace(root, h('h1', {}, 'Tra cứu và nộp phí thu gom rác'), form, results);
  void loadUnits();
};

const billRow = (bill: PublicBill, onChange: () => void) =>
  h(
    'li',
    {},
    h(
      'label',
      { class: 'bill' },
      h('input', { type: 'checkbox', value: bill.id, checked: true, onchange: onChange }),
      h('span', { class: 'bill-month' }, formatMonth(bill.month)),
      h('span', { class: 'bill-amount' }, formatVnd(bill.amount)),
      h('span', { class: 'bill-reference' }, `Mã thanh toán: ${bill.reference}`),
    ),
  );

/** The household, its unpaid bills to tick, and the ways to pay them. */
const renderAnswer = (root: HTMLElement, answer: LookupAnswer, proof: Proof): void => {
  const { household } = answer;
  const summary = h(
    'section',
    { class: 'card', 'aria-labelledby': 'household-title' },
    h('h2', { id: 'household-title', tabindex: -1 }, `Hộ ${household.code}`),
    h(
      'dl',
      {},
      h('dt', {}, 'Chủ hộ'),
      h('dd', {}, household.headName),
      household.hamletName && h('dt', {}, 'Tổ dân phố/thôn'),
      household.hamletName && h('dd', {}, household.hamletName),
      h('dt', {}, 'Phường/xã'),
      h('dd', {}, household.wardName),
    ),
  );
  if (answer.bills.length === 0) {
    replace(
      root,
      summary,
      h('p', { class: 'done', role: 'status' }, 'Hộ không còn khoản phí nào chưa thanh toán.'),
    );

    return;
  }

  const total = h('p', { class: 'total', 'aria-live': 'polite' });
  const pay = h('button', { type: 'submit', class: 'primary' });
  const alert = alertBox();
  const list = h('ul', { class: 'bills' });
  const selectAll = h('input', { type: 'checkbox', checked: true });
  const boxes = () => [...list.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const chosen = () => boxes().filter((box) => box.checked);
  const update = () => {
    const ids = new Set(chosen().map((box) => box.value));
    const sum = answer.bills.filter((b) => ids.has(b.id)).reduce((s, b) => s + b.amount, 0);
    total.textContent = `Tổng cộng: ${formatVnd(sum)}`;
    pay.textContent = sum > 0 ? `Thanh toán ${formatVnd(sum)}` : 'Chọn ít nhất một kỳ';
    pay.disabled = sum === 0;
    selectAll.checked = ids.size === answer.bills.length;
  };
  append(list, ...answer.bills.map((bill) => billRow(bill, update)));
  selectAll.addEventListener('change', () => {
    for (const box of boxes()) box.checked = selectAll.checked;
    update();
  });

  const methods = answer.methods.map((choice, index) =>
    h(
      'label',
      { class: 'method' },
      h('input', { type: 'radio', name: 'method', value: choice.method, checked: index === 0 }),
      h('span', {}, choice.label),
    ),
  );

  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'bills-title' },
    h('h2', { id: 'bills-title' }, 'Các kỳ chưa thanh toán'),
    h('label', { class: 'bill select-all' }, selectAll, h('span', {}, 'Chọn tất cả')),
    list,
    total,
    methods.length > 0
      ? h('fieldset', {}, h('legend', {}, 'Cách thanh toán'), ...methods)
      : h('p', {}, 'Phường/xã chưa nhận thanh toán trực tuyến.'),
    alert,
    methods.length > 0 && pay,
    h('p', { class: 'hint' }, answer.cash),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    alert.hidden = true;
    const method = form.querySelector<HTMLInputElement>('input[name=method]:checked')?.value;
    const billIds = chosen().map((box) => box.value);
    if (!method || billIds.length === 0) return;

    pay.disabled = true;
    pay.textContent = 'Đang tạo giao dịch…';
    try {
      const started = await startPayment({ ...proof, billIds, method: method as PayMethod });
      const resultUrl = `/lookup/result?attempt=${encodeURIComponent(started.attemptId)}`;
      if (started.qr) {
        renderTransfer(root, started.qr, resultUrl);
      } else if (started.redirectUrl) {
        goToGateway(root, started.redirectUrl, resultUrl);
      }
    } catch (error) {
      showAlert(alert, messageOf(error));
      update();
    }
  });

  update();
  replace(root, summary, form);
};

/**
 * Gateways refuse to be shown inside a frame: framed, the resident opens the gateway in a new
 * tab (a click, so no pop-up blocker stops it); otherwise the page goes there itself.
 */
const goToGateway = (root: HTMLElement, url: string, resultUrl: string): void => {
  if (!isFramed()) {
    window.location.assign(url);

    return;
  }
  replace(
    root,
    h(
      'section',
      { class: 'card' },
      h('h2', {}, 'Tiếp tục thanh toán'),
      h(
        'a',
        { class: 'button primary', href: url, target: '_blank', rel: 'noopener' },
        'Mở trang thanh toán',
      ),
      h('p', { class: 'hint' }, 'Trang thanh toán mở ở thẻ mới. Thanh toán xong, xem kết quả:'),
      h('a', { class: 'button', href: resultUrl }, 'Xem trạng thái thanh toán'),
    ),
  );
};
