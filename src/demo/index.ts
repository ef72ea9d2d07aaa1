export { DEMO_ACTOR, seedSpring2024, type DemoOptions, type DemoSummary } from './spring-2024.js';
export { demoAccounts, ensureDemoAccounts, type DemoAccount } from './accounts.js';
