/** What the widget and the receiver share: the callback request and its validator. */
export {
  validateCallbackRequest,
  normalizePhone,
  BEST_TIMES,
  FOR_WHOM,
  LIMITS,
  type CallbackRequest,
  type Consent,
  type BestTime,
  type ForWhom,
  type FieldErrors,
  type Validation,
} from './callback-request.js';
export { DEMO_CENTER } from './demo-center.js';
