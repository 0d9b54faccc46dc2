/** What the applicants module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { applicantRoutes } from './routes.js';

export const applicantsModule: ShuzhiModule = {
  name: 'applicants',
  routes: [applicantRoutes],
  permissions: ['applicants:read', 'applicants:write'],
  tags: [{ name: 'applicants', description: '申请人：自然人身份认证等级、法人、授权委托（委托、代办）' }],
};
