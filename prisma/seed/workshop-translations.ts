/**
 * Translations of a few workshops' texts, so the demo shows both cases on an English, Spanish or
 * Arabic page: a translated workshop, and one still in French (marked lang="fr").
 */
export type WorkshopTranslationSeed = {
  slug: string;
  locale: "en" | "es" | "ar";
  title: string;
  summary: string;
  description: string;
  prerequisites: string | null;
  whatToBring: string | null;
};

export const WORKSHOP_TRANSLATIONS: readonly WorkshopTranslationSeed[] = [
  {
    slug: "apprivoiser-son-smartphone",
    locale: "en",
    title: "Getting to know your smartphone",
    summary: "Switching on, unlocking, calling: we take the time to get to know your phone.",
    description:
      "You have a smartphone and it scares you a little? We start from scratch, at your pace: the buttons, the touch screen, the unlock code, making and taking a call, saving a contact. You leave with a short sheet to remember it all at home.",
    prerequisites: "None: this is where to start.",
    whatToBring: "Your smartphone, charged, and its code. If you have none, we lend you one.",
  },
  {
    slug: "apprivoiser-son-smartphone",
    locale: "es",
    title: "Familiarizarse con su smartphone",
    summary: "Encender, desbloquear, llamar: nos tomamos el tiempo de conocer su teléfono.",
    description:
      "¿Tiene un smartphone y le intimida un poco? Empezamos desde cero, a su ritmo: los botones, la pantalla táctil, el código de desbloqueo, hacer y recibir una llamada, guardar un contacto. Se lleva una pequeña ficha para recordarlo en casa.",
    prerequisites: "Ninguno: está pensado justamente para empezar.",
    whatToBring: "Su smartphone cargado y su código. Si no tiene, le prestamos uno.",
  },
  {
    slug: "apprivoiser-son-smartphone",
    locale: "ar",
    title: "التعرّف على هاتفكم الذكي",
    summary: "التشغيل وفتح القفل والاتصال: نأخذ وقتنا للتعرّف على هاتفكم.",
    description:
      "لديكم هاتف ذكي ويخيفكم قليلًا؟ نبدأ من الصفر وعلى مهلكم: الأزرار، والشاشة اللمسية، ورمز فتح القفل، وإجراء مكالمة واستقبالها، وحفظ جهة اتصال. وتعودون إلى البيت ببطاقة صغيرة تذكّركم بكل ذلك.",
    prerequisites: "لا شيء، فالورشة مصمّمة للبداية.",
    whatToBring: "هاتفكم الذكي مشحونًا ورمزه. إن لم يكن لديكم هاتف، نعيركم واحدًا.",
  },
  {
    slug: "dejouer-les-arnaques",
    locale: "en",
    title: "Spotting scams by email and text message",
    summary: "Parcel waiting, fine to pay, account blocked: learn to recognise fake messages.",
    description:
      "Crooks imitate La Poste, the health insurance or your bank very well. From real examples, we learn the signs that should alert you, what never to give and where to report a doubtful message. A reassuring workshop, without jargon.",
    prerequisites: null,
    whatToBring: "Your smartphone, charged, with the doubtful messages you have received if you have any.",
  },
  {
    slug: "dejouer-les-arnaques",
    locale: "es",
    title: "Desbaratar las estafas por correo y SMS",
    summary: "Paquete pendiente, multa por pagar, cuenta bloqueada: aprender a reconocer los mensajes falsos.",
    description:
      "Los estafadores imitan muy bien a La Poste, al seguro de enfermedad o a su banco. A partir de ejemplos reales, aprendemos las señales que deben alertarle, lo que nunca hay que dar y dónde denunciar un mensaje dudoso. Un taller tranquilizador, sin jerga.",
    prerequisites: null,
    whatToBring: "Su smartphone cargado, con los mensajes dudosos que haya recibido, si los tiene.",
  },
  {
    slug: "dejouer-les-arnaques",
    locale: "ar",
    title: "كشف الاحتيال عبر البريد الإلكتروني والرسائل القصيرة",
    summary: "طرد في الانتظار، غرامة للدفع، حساب موقوف: نتعلّم التعرّف على الرسائل المزيّفة.",
    description:
      "يقلّد المحتالون البريد الفرنسي أو التأمين الصحي أو مصرفكم بإتقان. انطلاقًا من أمثلة حقيقية، نتعلّم العلامات التي يجب أن تنبّهكم، وما لا يجب إعطاؤه أبدًا، وأين نبلّغ عن رسالة مشبوهة. ورشة مطمئنة بلا مصطلحات معقّدة.",
    prerequisites: null,
    whatToBring: "هاتفكم الذكي مشحونًا، مع الرسائل المشبوهة التي وصلتكم إن وُجدت.",
  },
  {
    slug: "appels-video-en-famille",
    locale: "en",
    title: "Seeing your family on video calls",
    summary: "Calling your grandchildren on video, even when they live far away.",
    description:
      "WhatsApp, FaceTime or Visio: together we choose the app that suits you, install it and make real calls between participants. You will know how to answer, mute your microphone and sit well in front of the camera.",
    prerequisites: "Knowing how to unlock your smartphone or tablet.",
    whatToBring: "Your smartphone or tablet, charged, and its code.",
  },
  {
    slug: "appels-video-en-famille",
    locale: "ar",
    title: "رؤية الأحبّة عبر مكالمات الفيديو",
    summary: "الاتصال بالأحفاد بالفيديو، حتى لو كانوا يسكنون بعيدًا.",
    description:
      "واتساب أو فيستايم أو فيزيو: نختار معًا التطبيق الذي يناسبكم، ونثبّته، ونجري مكالمات حقيقية بين المشاركين. ستعرفون كيف تردّون، وتكتمون الميكروفون، وتجلسون جيدًا أمام الكاميرا.",
    prerequisites: "معرفة فتح قفل الهاتف الذكي أو اللوحة.",
    whatToBring: "هاتفكم الذكي أو لوحتكم مشحونة، مع رمزها.",
  },
];
