export {
  type Delivery,
  type FakeStripe,
  type RecordedRequest,
  type SignedEvent,
  startFakeStripe,
} from './server';
