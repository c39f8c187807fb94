/** The widget's version, sent with every consent event (a test keeps it equal to package.json's). */
export const VERSION = '0.1.0';
