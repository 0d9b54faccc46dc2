/** 系统管理: one page per administered resource. */
import { Navigate, Route, Routes } from 'react-router-dom';
import { UsersPage } from './UsersPage.js';
import { Open311Page } from './Open311Page.js';
import { CalendarPage } from './CalendarPage.js';
import { DepartmentsPage } from './DepartmentsPage.js';
import { RoutingPage } from './RoutingPage.js';
import { ClassesPage } from './ClassesPage.js';
import { RegionsPage } from './RegionsPage.js';
import { ComponentsPage } from './ComponentsPage.js';

export function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="users" replace />} />
      <Route path="users" element={<UsersPage />} />
      <Route path="departments" element={<DepartmentsPage />} />
      <Route path="routing" element={<RoutingPage />} />
      <Route path="classes" element={<ClassesPage />} />
      <Route path="calendar" element={<CalendarPage />} />
      <Route path="regions" element={<RegionsPage />} />
      <Route path="components" element={<ComponentsPage />} />
      <Route path="open311" element={<Open311Page />} />
    </Routes>
  );
}
