import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router';
import styles from '../components/portal.module.css';

/** 申请法律援助: who can apply, what to bring, how long it takes; then 开始申请 or 我的申请. */
export default function PortalIntroPage() {
  const navigate = useNavigate();
  return (
    <>
      <section className="portal-card" aria-labelledby="la-who">
        <h2 id="la-who" className="portal-card__title">
          谁可以申请
        </h2>
        <ul className={styles.list}>
          <li>经济困难、请不起律师的公民，可以为讨薪、工伤、赡养抚养、交通事故赔偿等事项申请免费律师。</li>
          <li>农民工和快递员、网约车司机等新就业形态劳动者讨要劳动报酬、工伤赔偿的，不需要证明经济困难。</li>
          <li>未成年人、无固定收入的老年人和残疾人、领取低保等社会救助的人员，也不需要经济困难审查。</li>
          <li>见义勇为、受家庭暴力或虐待遗弃的，不受经济困难条件限制。</li>
        </ul>
      </section>
      <section className="portal-card" aria-labelledby="la-bring">
        <h2 id="la-bring" className="portal-card__title">
          需要准备
        </h2>
        <ul className={styles.list}>
          <li>本人身份证（填写号码即可，可拍照上传）。</li>
          <li>与案件有关的材料：合同、欠条、工资单、聊天记录、病历、判决书等，手机拍照即可。</li>
          <li>经济困难的说明：可以选择“告知承诺”，由本人书面承诺代替证明；也可以上传低保证等证明。</li>
        </ul>
      </section>
      <section className="portal-card" aria-labelledby="la-time">
        <h2 id="la-time" className="portal-card__title">
          多久有结果
        </h2>
        <p className={styles.lead}>
          法律援助中心收到申请后 <strong>7 日内</strong>
          作出是否给予法律援助的决定（《法律援助法》第四十三条）； 决定给予的，3
          日内为您指派律师。材料不全的，会一次性告诉您需要补充什么。
        </p>
      </section>
      <Alert type="info" showIcon title="填写的内容随时自动保存，中途离开，回来可以接着填。" />
      <div className={styles.actions}>
        <Button type="primary" size="large" block onClick={() => navigate('/legal-aid/apply')}>
          开始申请
        </Button>
        <Button size="large" block onClick={() => navigate('/legal-aid/mine')}>
          我的申请
        </Button>
      </div>
    </>
  );
}
