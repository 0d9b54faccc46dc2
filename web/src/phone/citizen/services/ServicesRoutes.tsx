/**
 * The citizen's service guide on the phone (/m/services): search and the item page. Its own lazy
 * chunk; the apply page (/m/services/apply/:itemId) belongs to the citizen portal.
 */
import { Route, Routes } from 'react-router-dom';
import { ServiceItemPage } from './ServiceItemPage.js';
import { ServicesSearchPage } from './ServicesSearchPage.js';

export default function ServicesRoutes() {
  return (
    <Routes>
      <Route index element={<ServicesSearchPage />} />
      <Route path="items/:id" element={<ServiceItemPage />} />
      <Route path="*" element={<ServicesSearchPage />} />
    </Routes>
  );
}
