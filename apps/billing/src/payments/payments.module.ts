import { Module } from '@nestjs/common';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { TestPaymentProvider } from './adapters/test-payment-provider';
import { PaymentProvider } from './payment-provider';
import { paymentsConfig } from './payments.config';

/** The payment provider chosen by `PAYMENT_PROVIDER` (today only `test`). */
@UsesConfig(paymentsConfig)
@Module({
  providers: [
    {
      provide: PaymentProvider,
      inject: [AppConfig],
      useFactory: (config: AppConfig): PaymentProvider => new TestPaymentProvider(config.slice(paymentsConfig).PAYMENT_TEST_OUTCOME),
    },
  ],
  exports: [PaymentProvider],
})
export class PaymentsModule {}
