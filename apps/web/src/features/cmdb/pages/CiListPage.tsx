import { CiList } from '../components/CiList';

/** `/cis`: the configuration items (配置项) in scope. */
export default function CiListPage() {
  return <CiList />;
}
