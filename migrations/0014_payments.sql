-- checkout: every parameter of a Checkout Session, hashed, so an open one is reused only when identical
ALTER TABLE `checkout_sessions` ADD `params_hash` text;
