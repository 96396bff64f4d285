"""Canned replies in the styles of common helpdesks, and personalized replies (our own text).

MACROS: macro sources with each tool's placeholder syntax (Zendesk/Liquid
``{{ticket.requester.first_name}}``, Freshdesk ``{{ticket.contact.name}}``, Help Scout
``{%customer.firstName,fallback=there%}``, Intercom ``{{first_name | fallback: "there"}}``,
Mailchimp ``*|FNAME|*``, Zoho ``${Contacts.First Name}``, Gorgias
``{{ticket.customer.firstname}}``, Front ``{{recipient.first_name}}``, Kayako ``%{name}``).

FORM_LETTERS: replies as customers received them (placeholders filled in, sometimes lightly
edited, sometimes not from a registered macro at all). PERSONAL: replies written for the
customer's situation. Every sample is (text, customer_message).
"""

from __future__ import annotations

MACROS: dict[str, str] = {
    "zendesk/damaged-item.txt": (
        "Hi {{ticket.requester.first_name}},\n\nThank you for getting in touch with us. We are "
        "sorry to hear that your order arrived damaged. We have passed your case to our "
        "returns team, who will contact you within five working days with the next steps.\n\n"
        "Kind regards,\n{{current_user.first_name}}"
    ),
    "freshdesk/refund-status.txt": (
        "Dear {{ticket.contact.name}},\n\nThank you for your patience. Refunds are processed "
        "within 14 days of the returned item reaching our warehouse. You will receive a "
        "confirmation email once the refund has been issued to your original payment "
        "method.\n\nBest regards,\n{{ticket.agent.name}}"
    ),
    "helpscout/password.md": (
        "Hey {%customer.firstName,fallback=there%},\n\nThanks for reaching out! To reset your "
        "password, click 'Forgot password' on the sign-in page and follow the link we email "
        "you. The link stays valid for 24 hours. If it does not arrive, please check your spam "
        "folder.\n\nCheers,\n{%user.firstName%}"
    ),
    "intercom/delivery-delay.txt": (
        "Hi {{first_name | fallback: \"there\"}},\n\nThanks for your message. Due to high "
        "demand, some deliveries are taking longer than usual. Your order will be delivered "
        "as soon as possible and you will receive tracking details by email once it has been "
        "dispatched. We appreciate your patience."
    ),
    "mailchimp/feedback.txt": (
        "Dear *|FNAME|*,\n\nThank you for taking the time to share your feedback with us. "
        "Your comments have been passed on to the relevant department and will help us "
        "improve our service. We hope to welcome you back soon."
    ),
    "zoho/cancellation.txt": (
        "Dear ${Contacts.First Name},\n\nWe have received your cancellation request. Your "
        "subscription will remain active until the end of the current billing period, after "
        "which no further payments will be taken. We are sorry to see you go."
    ),
    "gorgias/wrong-item.txt": (
        "Hi {{ticket.customer.firstname}},\n\nWe're sorry you received the wrong item. Please "
        "send us a photo of the item and the packing slip, and our team will arrange an "
        "exchange as soon as possible.\n\nThanks,\n{{current_user.firstname}}"
    ),
    "front/complaint.txt": (
        "Dear {{recipient.first_name}},\n\nWe have received your complaint and we take all "
        "complaints very seriously. A member of our customer relations team will review your "
        "case and respond within ten working days."
    ),
    "kayako/account-locked.txt": (
        "Hi %{name},\n\nFor your security, your account has been temporarily locked after "
        "several unsuccessful sign-in attempts. It will unlock automatically after 30 "
        "minutes, or you can reset your password to unlock it straight away."
    ),
}

#: Replies that are form letters, each with the message the customer had written.
FORM_LETTERS: list[tuple[str, str]] = [
    # filled-in macros, untouched
    ("Hi Nick,\n\nThank you for getting in touch with us. We are sorry to hear that your order "
     "arrived damaged. We have passed your case to our returns team, who will contact you "
     "within five working days with the next steps.\n\nKind regards,\nAnna",
     "My kettle arrived with a cracked lid and the box was soaked."),
    ("Dear Nick Owen,\n\nThank you for your patience. Refunds are processed within 14 days of "
     "the returned item reaching our warehouse. You will receive a confirmation email once "
     "the refund has been issued to your original payment method.\n\nBest regards,\nPriya",
     "I sent the blender back three weeks ago and still have no refund."),
    ("Hey Nick,\n\nThanks for reaching out! To reset your password, click 'Forgot password' on "
     "the sign-in page and follow the link we email you. The link stays valid for 24 hours. "
     "If it does not arrive, please check your spam folder.\n\nCheers,\nSam",
     "The reset email never arrives, I've tried four times and checked spam already."),
    ("Hi Nick,\n\nThanks for your message. Due to high demand, some deliveries are taking "
     "longer than usual. Your order will be delivered as soon as possible and you will "
     "receive tracking details by email once it has been dispatched. We appreciate your "
     "patience.",
     "Where is my order? I need the tent for a trip on Saturday."),
    ("Dear Nick,\n\nThank you for taking the time to share your feedback with us. Your "
     "comments have been passed on to the relevant department and will help us improve our "
     "service. We hope to welcome you back soon.",
     "The waiter at your Leeds branch was rude and we waited an hour for our food."),
    ("Dear Nick,\n\nWe have received your cancellation request. Your subscription will remain "
     "active until the end of the current billing period, after which no further payments "
     "will be taken. We are sorry to see you go.",
     "Please cancel my gym membership, I'm moving to Glasgow."),
    ("Hi Nick,\n\nWe're sorry you received the wrong item. Please send us a photo of the item "
     "and the packing slip, and our team will arrange an exchange as soon as possible.\n\n"
     "Thanks,\nMaya",
     "I ordered a green jumper in medium and got a pair of socks."),
    ("Dear Nick,\n\nWe have received your complaint and we take all complaints very "
     "seriously. A member of our customer relations team will review your case and respond "
     "within ten working days.",
     "Your engineer left my kitchen flooded and didn't fix the boiler."),
    # lightly edited macros
    ("Hi Nick, thank you for getting in touch. We are so sorry to hear that your order "
     "arrived damaged. We've passed your case on to our returns team, who will contact you "
     "within five working days with the next steps. Kind regards, Anna",
     "The mirror was shattered when I opened the box."),
    ("Hello Nick,\n\nWe have received your cancellation request. Your subscription will "
     "remain active until the end of the billing period, after which no further payments "
     "will be taken. We're sorry to see you go!",
     "Cancel my magazine subscription please."),
    # macro residue left in
    ("Hi Nick,\n\nThanks for your message about the parcel for order 55812. It left our "
     "warehouse today.\n\n[Agent Name]\nSent from Zendesk",
     "Has my parcel shipped?"),
    ("Hi Nick,\n\nYour exchange for order 77120 has been approved and the new size ships "
     "tomorrow.\n\nPowered by Freshdesk",
     "Can I swap the boots for a size 9?"),
    # canned replies that are not registered macros
    ("Dear Nick,\n\nThank you for contacting us. We have received your request and a member "
     "of our team will get back to you as soon as possible. We apologise for any "
     "inconvenience this may have caused.",
     "The heating engineer didn't turn up on Tuesday."),
    ("Hi Nick, thanks for reaching out! We're sorry to hear about your experience. Your "
     "feedback is important to us and we will look into it. Thanks again for letting us "
     "know.",
     "The hotel room was dirty and the shower didn't work."),
    ("Dear Nick,\n\nThank you for your email. Your enquiry has been logged and will be dealt "
     "with by the appropriate team. Please do not reply to this email as this mailbox is "
     "not monitored.",
     "Why was I charged twice for my train ticket?"),
    ("Hello Nick, we appreciate you taking the time to contact us. We are looking into "
     "this and will update you as soon as we have more information. Thank you for your "
     "patience and understanding.",
     "My broadband has been down since Monday."),
    ("Dear Nick,\n\nThank you for your message. We are sorry for any inconvenience caused. "
     "Please rest assured that we are doing everything we can to resolve this as quickly as "
     "possible. We value you as a customer.",
     "The sofa delivery was cancelled twice without notice."),
    ("Hi Nick,\n\nThanks for getting in touch with our support team. We aim to respond to "
     "all enquiries within 48 hours. In the meantime, you may find the answer to your "
     "question in our help centre.",
     "The app crashes every time I open my basket."),
    ("Dear Nick,\n\nWe are sorry to hear that you are unhappy with our service. We always "
     "strive to provide the best possible experience and your comments will be shared with "
     "the team. Thank you for bringing this to our attention.",
     "Your driver reversed into my fence and drove off."),
    ("Hi Nick, thank you for your patience while we look into your query. Our team is "
     "working hard to get back to everyone as quickly as possible and we will be in touch "
     "shortly.",
     "I was promised a callback yesterday about my mortgage application."),
]

#: Replies written for the customer, each with the message the customer had written.
PERSONAL: list[tuple[str, str]] = [
    ("Hi Nick,\n\nI'm sorry the kettle arrived with a cracked lid and a soaked box. I've sent "
     "a new kettle by express today; it will reach you on Thursday, and you can keep or "
     "recycle the damaged one.\n\nAnna",
     "My kettle arrived with a cracked lid and the box was soaked."),
    ("Dear Mr Owen,\n\nYou're right: the blender reached our warehouse on 2 May and the "
     "refund should have gone out then. I've issued the £64.99 myself this morning; it will "
     "show on your card within three working days.\n\nPriya",
     "I sent the blender back three weeks ago and still have no refund."),
    ("Hi Nick,\n\nThanks for trying four times. Our mail provider was rejecting addresses at "
     "your domain this week; that is fixed now. I've sent a fresh reset link to "
     "nick@owen.example, and it should arrive within a minute.\n\nSam",
     "The reset email never arrives, I've tried four times and checked spam already."),
    ("Hi Nick, your tent left our warehouse this morning with DPD, tracking 15501234, and "
     "is due on Friday, a day before your trip. I'm sorry it took longer than we said.",
     "Where is my order? I need the tent for a trip on Saturday."),
    ("Dear Nick,\n\nI'm sorry about your evening at our Leeds branch: an hour's wait and a "
     "rude reply are not what we want anyone to get. I've spoken with the manager there, and "
     "I've refunded your bill of £58.40.\n\nRosa",
     "The waiter at your Leeds branch was rude and we waited an hour for our food."),
    ("Dear Nick,\n\nI've cancelled your membership from the end of June, so the last payment "
     "is the one on 1 June. Good luck with the move to Glasgow; our Buchanan Street gym "
     "honours your remaining guest passes if you want to use them.",
     "Please cancel my gym membership, I'm moving to Glasgow."),
    ("Hi Nick,\n\nSorry about the socks! The green jumper in medium is on its way to you by "
     "courier and should arrive tomorrow. Keep the socks; there's no need to send them "
     "back.\n\nMaya",
     "I ordered a green jumper in medium and got a pair of socks."),
    ("Dear Nick,\n\nI'm very sorry our engineer left your kitchen flooded and the boiler "
     "still broken. A senior engineer, Tom, will come on Wednesday at 8am to repair it, and "
     "we will pay for the flooring damage; please send me the quote.",
     "Your engineer left my kitchen flooded and didn't fix the boiler."),
    ("Hi Nick, I'm sorry the mirror was shattered. A replacement mirror ships tomorrow in "
     "double packaging, and the courier will take the broken one away when they deliver.",
     "The mirror was shattered when I opened the box."),
    ("Hello Nick,\n\nDone: your magazine subscription ends with the March issue, and you "
     "won't be charged again. Thanks for reading us for six years.",
     "Cancel my magazine subscription please."),
    ("Dear Nick,\n\nThe engineer missed Tuesday's appointment because his van broke down, and "
     "nobody told you; I'm sorry. He will come on Friday between 9 and 11, and we've waived "
     "the £40 call-out fee.",
     "The heating engineer didn't turn up on Tuesday."),
    ("Hi Nick, I'm sorry your room was dirty and the shower broken. I've refunded the first "
     "night, £95, and passed your note to the housekeeping manager, who is checking every "
     "room on your floor today.",
     "The hotel room was dirty and the shower didn't work."),
    ("Dear Nick,\n\nYou were charged twice because the payment page timed out and you "
     "pressed Pay again. I've refunded the second charge of £34.20; the train ticket itself "
     "is valid.",
     "Why was I charged twice for my train ticket?"),
    ("Hello Nick, I'm sorry your broadband has been down since Monday. A fault on the "
     "cabinet in your street is being repaired today; I've credited three days of your bill "
     "and will text you when the line is back.",
     "My broadband has been down since Monday."),
    ("Dear Nick,\n\nTwo cancelled sofa deliveries without a word is not good enough, and I'm "
     "sorry. Your sofa is now booked for Saturday 14 June, morning slot, and the £30 "
     "delivery charge has been refunded.",
     "The sofa delivery was cancelled twice without notice."),
    ("Hi Nick,\n\nThe crash when opening the basket came from last night's update; version "
     "4.2.1 fixes it and is live now. Your basket items are saved, so nothing is lost.",
     "The app crashes every time I open my basket."),
    ("Dear Nick,\n\nI'm sorry our driver damaged your fence and drove off. We have the van's "
     "dashcam footage, and our insurer will call you on Monday to arrange the repair at our "
     "cost.",
     "Your driver reversed into my fence and drove off."),
    ("Hi Nick, I'm sorry nobody called you back about your mortgage application yesterday. "
     "Your adviser, Jo Hart, will call you at 2pm today; the application itself is approved "
     "in principle.",
     "I was promised a callback yesterday about my mortgage application."),
    ("Hi Nick,\n\nThe boots in size 9 are in stock, so I've swapped them: the new pair ships "
     "tomorrow with a prepaid return label for the size 8.",
     "Can I swap the boots for a size 9?"),
    ("Hi Nick,\n\nYes, your parcel shipped this morning with Royal Mail and should arrive "
     "tomorrow. I'm sorry it took an extra day.",
     "Has my parcel shipped?"),
]
