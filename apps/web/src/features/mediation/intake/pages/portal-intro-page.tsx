import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router';
import styles from '../components/portal.module.css';

/** 申请人民调解: what mediation is for, what it costs, how it goes; then 开始申请 or 我的申请. */
export default function PortalIntroPage() {
  const navigate = useNavigate();
  return (
    <>
      <section className="portal-card" aria-labelledby="md-what">
        <h2 id="md-what" className="portal-card__title">
          人民调解能帮您解决什么
        </h2>
        <ul className={styles.list}>
          <li>邻里纠纷、婚姻家庭、赡养抚养、宅基地和土地山林水利等矛盾。</li>
          <li>合同、消费、劳动、旅游、医疗、交通事故等赔偿纠纷。</li>
          <li>
            人民调解不收费。双方自愿，调解员居中说和，达成的调解协议有法律约束力，还可以申请法院司法确认。
          </li>
        </ul>
      </section>
      <section className="portal-card" aria-labelledby="md-how">
        <h2 id="md-how" className="portal-card__title">
          怎么办理
        </h2>
        <ul className={styles.list}>
          <li>在手机上填写：您的身份信息、对方是谁、发生了什么、在哪里发生，可以拍照上传现场或证据照片。</li>
          <li>提交后系统按纠纷地点和类型，分派给离您最近、负责该地的人民调解委员会，并告知当地司法所。</li>
          <li>调委会受理后，调解员会打电话与您联系，约定时间地点调解。每一步都可以在“我的申请”里查看。</li>
        </ul>
      </section>
      <Alert type="info" showIcon title="填写的内容保存在本机，中途离开，回来可以接着填。" />
      <div className={styles.actions}>
        <Button type="primary" size="large" block onClick={() => navigate('/mediation/apply')}>
          开始申请
        </Button>
        <Button size="large" block onClick={() => navigate('/mediation/mine')}>
          我的申请
        </Button>
      </div>
    </>
  );
}
