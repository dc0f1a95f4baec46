// 议题 section: list, 新建议题, or one item's detail, by route.
import { useNav } from '../../stores/nav';
import { ItemCreate } from './ItemCreate';
import { ItemDetailView } from './ItemDetailView';
import { ItemList } from './ItemList';

export function ItemsScreen() {
  const route = useNav((s) => s.route);
  if (route.view === 'new') return <ItemCreate />;
  if (route.id) return <ItemDetailView itemId={route.id} />;
  return <ItemList />;
}
