/** 事项目录: the list (tree) and an item with its versions and the draft editor. */
import { Route, Routes } from 'react-router-dom';
import { CatalogueItemPage } from './CatalogueItemPage.js';
import { CatalogueListPage } from './CatalogueListPage.js';

export function CatalogueRoutes() {
  return (
    <Routes>
      <Route index element={<CatalogueListPage />} />
      <Route path="items/:id" element={<CatalogueItemPage />} />
      <Route path="items/:id/versions/:versionId" element={<CatalogueItemPage />} />
    </Routes>
  );
}
