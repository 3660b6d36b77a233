import { LeftOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';

export function TopBar({ title, showBack }: { title: string; showBack: boolean }) {
  const navigate = useNavigate();
  const location = useLocation();
  // Opened from a shared link there is no page to go back to: go to the portal home instead.
  const goBack = () => (location.key === 'default' ? navigate('/') : navigate(-1));
  return (
    <header className="portal-topbar">
      {showBack && (
        <button type="button" className="portal-topbar__back" onClick={goBack} aria-label="返回上一页">
          <LeftOutlined />
          <span>返回</span>
        </button>
      )}
      <h1 className="portal-topbar__title">{title}</h1>
    </header>
  );
}
