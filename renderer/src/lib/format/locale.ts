/** The languages of the UI, and of how numbers are written (vi-VN, en-US). */
export type Locale = 'vi' | 'en';
