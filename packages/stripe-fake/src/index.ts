export { STRIPE_JS_PATH } from './objects';
export {
  type Delivery,
  type FakeStripe,
  type RecordedRequest,
  type SignedEvent,
  startFakeStripe,
} from './server';
