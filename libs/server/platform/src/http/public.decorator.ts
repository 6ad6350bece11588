/** Set by `@Route` on routes whose contract is public: no signed-in principal needed. */
export const IS_PUBLIC = 'nexo:public';
